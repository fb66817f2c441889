/**
 * The GoOut app against the GoOut sandbox, with Zapier's side of session auth played out in the
 * test: Zapier merges whatever `sessionConfig.perform` returns into authData (the CLI's local
 * `invoke auth refresh` does the same: it appends the returned keys to .env, later keys winning).
 */
import { startGoOutSandbox, type GoOutSandboxOptions } from '../../../test/sandbox/goout';
import GoOutApp from '../../src/goout';
import { tester, type Loose } from '../app-tester';

export const App: Loose = GoOutApp;
export const appTester = tester(GoOutApp);

export async function goOutHarness(options: GoOutSandboxOptions = {}) {
  const sandbox = await startGoOutSandbox(options);
  const pasted = sandbox.initialTokens();
  let authData: Record<string, string> = { initialAccessToken: pasted.accessToken, initialRefreshToken: pasted.refreshToken, baseUrl: sandbox.url };

  /** What Zapier does on connect and after RefreshAuthError: run sessionConfig.perform, merge its result. */
  async function zapierRefresh(): Promise<Record<string, string>> {
    const computed = await appTester(App.authentication.sessionConfig.perform, { authData });
    authData = { ...authData, ...computed };
    return computed;
  }

  return {
    sandbox,
    authData: () => authData,
    setAuthData: (next: Record<string, string>) => {
      authData = next;
    },
    zapierRefresh,
  };
}
