// One CPU burner for `npm run test:stress`: spins until its deadline, then exits by itself.
// It spins in short slices so it also notices when the stress runner is gone and stops at once.
const deadline = Date.now() + Number(process.argv[2]);
const SLICE_MS = 50;

process.on('disconnect', () => process.exit(0));

function spin() {
  const sliceEnd = Math.min(Date.now() + SLICE_MS, deadline);
  while (Date.now() < sliceEnd) {
    // busy on purpose
  }
  if (Date.now() >= deadline) process.exit(0);
  setImmediate(spin);
}

spin();
