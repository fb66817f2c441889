/**
 * Expected Czech vocatives of common Czech first names and surnames (standard Czech, as in the
 * Internetová jazyková příručka ÚJČ; where usage allows two forms the more common one is listed:
 * Němče rather than Němci). Each row: [nominative, vocative].
 */
export type VocativeCase = readonly [name: string, expected: string];

export const MALE_FIRST_NAMES: readonly VocativeCase[] = [
  ['Jiří', 'Jiří'], ['Jan', 'Jane'], ['Petr', 'Petře'], ['Josef', 'Josefe'], ['Pavel', 'Pavle'],
  ['Martin', 'Martine'], ['Tomáš', 'Tomáši'], ['Jaroslav', 'Jaroslave'], ['Miroslav', 'Miroslave'],
  ['Zdeněk', 'Zdeňku'], ['František', 'Františku'], ['Václav', 'Václave'], ['Michal', 'Michale'],
  ['Milan', 'Milane'], ['Karel', 'Karle'], ['Jakub', 'Jakube'], ['Lukáš', 'Lukáši'], ['David', 'Davide'],
  ['Vladimír', 'Vladimíre'], ['Ladislav', 'Ladislave'], ['Ondřej', 'Ondřeji'], ['Roman', 'Romane'],
  ['Stanislav', 'Stanislave'], ['Marek', 'Marku'], ['Antonín', 'Antoníne'], ['Radek', 'Radku'],
  ['Daniel', 'Danieli'], ['Vojtěch', 'Vojtěchu'], ['Filip', 'Filipe'], ['Adam', 'Adame'], ['Matěj', 'Matěji'],
  ['Aleš', 'Aleši'], ['Miloslav', 'Miloslave'], ['Jaromír', 'Jaromíre'], ['Libor', 'Libore'],
  ['Dominik', 'Dominiku'], ['Patrik', 'Patriku'], ['Vlastimil', 'Vlastimile'], ['Luboš', 'Luboši'],
  ['Rostislav', 'Rostislave'], ['Oldřich', 'Oldřichu'], ['Bohumil', 'Bohumile'], ['Vít', 'Víte'],
  ['Štěpán', 'Štěpáne'], ['Robert', 'Roberte'], ['Richard', 'Richarde'], ['Ivan', 'Ivane'], ['Kamil', 'Kamile'],
  ['Radim', 'Radime'], ['Dušan', 'Dušane'], ['Šimon', 'Šimone'], ['Igor', 'Igore'], ['Viktor', 'Viktore'],
  ['Ivo', 'Ivo'], ['Emil', 'Emile'], ['Bohuslav', 'Bohuslave'], ['Zbyněk', 'Zbyňku'], ['Luděk', 'Luďku'],
  ['Kryštof', 'Kryštofe'], ['Hynek', 'Hynku'], ['Alois', 'Aloisi'], ['Rudolf', 'Rudolfe'], ['Oto', 'Oto'],
  ['Samuel', 'Samueli'], ['Sebastián', 'Sebastiáne'], ['Matyáš', 'Matyáši'], ['Tobiáš', 'Tobiáši'],
  ['Alexandr', 'Alexandře'], ['Eduard', 'Eduarde'], ['Bedřich', 'Bedřichu'], ['Jindřich', 'Jindřichu'],
  ['Břetislav', 'Břetislave'], ['Čestmír', 'Čestmíre'], ['Kristián', 'Kristiáne'], ['Denis', 'Denisi'],
  ['Erik', 'Eriku'], ['Leoš', 'Leoši'], ['Přemysl', 'Přemysle'], ['Marcel', 'Marceli'], ['Hugo', 'Hugo'],
  ['René', 'René'], ['Benjamín', 'Benjamíne'], ['Mikuláš', 'Mikuláši'], ['Jonáš', 'Jonáši'],
  ['Eliáš', 'Eliáši'], ['Matouš', 'Matouši'], ['Bořek', 'Bořku'], ['Vilém', 'Viléme'], ['Arnošt', 'Arnošte'],
  ['Čeněk', 'Čeňku'], ['Otakar', 'Otakare'], ['Lumír', 'Lumíre'], ['Dalibor', 'Dalibore'],
  ['Gabriel', 'Gabrieli'], ['Emanuel', 'Emanueli'], ['Michael', 'Michaeli'], ['Ilja', 'Iljo'], ['Saša', 'Sašo'],
  ['Kuba', 'Kubo'], ['Honza', 'Honzo'], ['Julius', 'Julie'], ['Ignác', 'Ignáci'], ['Felix', 'Felixi'],
  ['Evžen', 'Evžene'], ['Radovan', 'Radovane'], ['Ctibor', 'Ctibore'], ['Vratislav', 'Vratislave'],
  ['Zbyšek', 'Zbyšku'], ['Augustýn', 'Augustýne'], ['Bartoloměj', 'Bartoloměji'], ['Jáchym', 'Jáchyme'],
  ['Ludvík', 'Ludvíku'], ['Hubert', 'Huberte'], ['Albert', 'Alberte'], ['Norbert', 'Norberte'],
  ['Adolf', 'Adolfe'], ['Teodor', 'Teodore'], ['Boris', 'Borisi'], ['Oskar', 'Oskare'], ['Artur', 'Arture'],
  ['Bruno', 'Bruno'], ['Svatopluk', 'Svatopluku'], ['Metoděj', 'Metoději'], ['Cyril', 'Cyrile'],
  ['Prokop', 'Prokope'], ['Benedikt', 'Benedikte'], ['Řehoř', 'Řehoři'], ['Ambrož', 'Ambroži'],
  ['Blažej', 'Blažeji'], ['Lev', 'Lve'], ['Vincenc', 'Vincenci'], ['Bonifác', 'Bonifáci'],
];

export const FEMALE_FIRST_NAMES: readonly VocativeCase[] = [
  ['Marie', 'Marie'], ['Jana', 'Jano'], ['Eva', 'Evo'], ['Hana', 'Hano'], ['Anna', 'Anno'], ['Lenka', 'Lenko'],
  ['Kateřina', 'Kateřino'], ['Lucie', 'Lucie'], ['Věra', 'Věro'], ['Alena', 'Aleno'], ['Petra', 'Petro'],
  ['Veronika', 'Veroniko'], ['Jaroslava', 'Jaroslavo'], ['Tereza', 'Terezo'], ['Martina', 'Martino'],
  ['Michaela', 'Michaelo'], ['Jitka', 'Jitko'], ['Helena', 'Heleno'], ['Ludmila', 'Ludmilo'],
  ['Zdeňka', 'Zdeňko'], ['Ivana', 'Ivano'], ['Monika', 'Moniko'], ['Eliška', 'Eliško'], ['Zuzana', 'Zuzano'],
  ['Markéta', 'Markéto'], ['Jarmila', 'Jarmilo'], ['Barbora', 'Barboro'], ['Kristýna', 'Kristýno'],
  ['Dagmar', 'Dagmar'], ['Adéla', 'Adélo'], ['Klára', 'Kláro'], ['Natálie', 'Natálie'], ['Pavla', 'Pavlo'],
  ['Dana', 'Dano'], ['Andrea', 'Andreo'], ['Marcela', 'Marcelo'], ['Vlasta', 'Vlasto'], ['Irena', 'Ireno'],
  ['Denisa', 'Deniso'], ['Božena', 'Boženo'], ['Libuše', 'Libuše'], ['Miroslava', 'Miroslavo'],
  ['Nikola', 'Nikolo'], ['Karolína', 'Karolíno'], ['Gabriela', 'Gabrielo'], ['Simona', 'Simono'],
  ['Šárka', 'Šárko'], ['Kamila', 'Kamilo'], ['Ester', 'Ester'], ['Miriam', 'Miriam'], ['Karin', 'Karin'],
  ['Ingrid', 'Ingrid'], ['Rút', 'Rút'], ['Nikol', 'Nikol'], ['Noemi', 'Noemi'], ['Sofie', 'Sofie'],
  ['Viktorie', 'Viktorie'], ['Emílie', 'Emílie'], ['Julie', 'Julie'], ['Alice', 'Alice'], ['Beáta', 'Beáto'],
  ['Olga', 'Olgo'], ['Blanka', 'Blanko'], ['Renáta', 'Renáto'], ['Romana', 'Romano'], ['Silvie', 'Silvie'],
  ['Radka', 'Radko'], ['Stanislava', 'Stanislavo'], ['Magdaléna', 'Magdaléno'], ['Milena', 'Mileno'],
  ['Vendula', 'Vendulo'], ['Iveta', 'Iveto'], ['Hedvika', 'Hedviko'], ['Drahomíra', 'Drahomíro'],
  ['Sabina', 'Sabino'], ['Nela', 'Nelo'], ['Ema', 'Emo'], ['Anežka', 'Anežko'], ['Laura', 'Lauro'],
  ['Daniela', 'Danielo'], ['Jiřina', 'Jiřino'], ['Marta', 'Marto'], ['Antonie', 'Antonie'],
  ['Taťána', 'Taťáno'], ['Soňa', 'Soňo'], ['Pavlína', 'Pavlíno'], ['Žaneta', 'Žaneto'], ['Aneta', 'Aneto'],
  ['Jolana', 'Jolano'], ['Dominika', 'Dominiko'], ['Amálie', 'Amálie'],
];

export const MALE_SURNAMES: readonly VocativeCase[] = [
  ['Novák', 'Nováku'], ['Svoboda', 'Svobodo'], ['Novotný', 'Novotný'], ['Dvořák', 'Dvořáku'],
  ['Černý', 'Černý'], ['Procházka', 'Procházko'], ['Kučera', 'Kučero'], ['Veselý', 'Veselý'],
  ['Horák', 'Horáku'], ['Němec', 'Němče'], ['Marek', 'Marku'], ['Pokorný', 'Pokorný'],
  ['Pospíšil', 'Pospíšile'], ['Hájek', 'Hájku'], ['Král', 'Králi'], ['Jelínek', 'Jelínku'],
  ['Růžička', 'Růžičko'], ['Beneš', 'Beneši'], ['Fiala', 'Fialo'], ['Sedláček', 'Sedláčku'],
  ['Doležal', 'Doležale'], ['Zeman', 'Zemane'], ['Kolář', 'Koláři'], ['Navrátil', 'Navrátile'],
  ['Čermák', 'Čermáku'], ['Vaněk', 'Vaňku'], ['Urban', 'Urbane'], ['Blažek', 'Blažku'], ['Kříž', 'Kříži'],
  ['Kovář', 'Kováři'], ['Kratochvíl', 'Kratochvíle'], ['Bartoš', 'Bartoši'], ['Vlček', 'Vlčku'],
  ['Polák', 'Poláku'], ['Musil', 'Musile'], ['Kopecký', 'Kopecký'], ['Šimek', 'Šimku'],
  ['Konečný', 'Konečný'], ['Malý', 'Malý'], ['Holub', 'Holube'], ['Štěpánek', 'Štěpánku'],
  ['Kadlec', 'Kadleci'], ['Čech', 'Čechu'], ['Staněk', 'Staňku'], ['Dostál', 'Dostále'],
  ['Soukup', 'Soukupe'], ['Šťastný', 'Šťastný'], ['Mareš', 'Mareši'], ['Moravec', 'Moravče'],
  ['Sýkora', 'Sýkoro'], ['Tichý', 'Tichý'], ['Valenta', 'Valento'], ['Vávra', 'Vávro'],
  ['Matoušek', 'Matoušku'], ['Bláha', 'Bláho'], ['Říha', 'Řího'], ['Ševčík', 'Ševčíku'], ['Bureš', 'Bureši'],
  ['Hruška', 'Hruško'], ['Mašek', 'Mašku'], ['Pavlík', 'Pavlíku'], ['Dušek', 'Dušku'], ['Janda', 'Jando'],
  ['Hrubý', 'Hrubý'], ['Mach', 'Machu'], ['Skála', 'Skálo'], ['Tůma', 'Tůmo'], ['Kubát', 'Kubáte'],
  ['Hrdina', 'Hrdino'], ['Toman', 'Tomane'], ['Jaroš', 'Jaroši'], ['Šindelář', 'Šindeláři'],
  ['Zelenka', 'Zelenko'], ['Lukeš', 'Lukeši'], ['Havlíček', 'Havlíčku'], ['Čapek', 'Čapku'],
  ['Kovářík', 'Kováříku'], ['Adámek', 'Adámku'], ['Hanák', 'Hanáku'], ['Vacek', 'Vacku'],
  ['Hořejší', 'Hořejší'], ['Janů', 'Janů'], ['Havel', 'Havle'], ['Švec', 'Šveci'], ['Mráz', 'Mrázi'],
  ['Bartoň', 'Bartoni'], ['Krejčí', 'Krejčí'], ['Jíra', 'Jíro'], ['Trnka', 'Trnko'], ['Petr', 'Petře'],
  ['Pešek', 'Pešku'], ['Charvát', 'Charváte'], ['Klíma', 'Klímo'], ['Vondráček', 'Vondráčku'],
  ['Kubíček', 'Kubíčku'], ['Barták', 'Bartáku'], ['Fišer', 'Fišere'], ['Zajíc', 'Zajíci'], ['Kazda', 'Kazdo'],
  ['Šebesta', 'Šebesto'], ['Nový', 'Nový'],
];

/** Female surnames never change in the vocative. */
export const FEMALE_SURNAMES: readonly VocativeCase[] = [
  'Nováková', 'Svobodová', 'Novotná', 'Dvořáková', 'Černá', 'Procházková', 'Kučerová', 'Veselá',
  'Horáková', 'Němcová', 'Marková', 'Pokorná', 'Pospíšilová', 'Hájková', 'Králová', 'Jelínková',
  'Růžičková', 'Benešová', 'Fialová', 'Sedláčková', 'Doležalová', 'Zemanová', 'Kolářová', 'Navrátilová',
  'Čermáková', 'Vaňková', 'Krejčí', 'Janů', 'Šťastná', 'Malá',
].map((name) => [name, name] as const);
