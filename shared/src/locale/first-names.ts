/**
 * First names by gender: the Czech and Slovak calendar names, common Czech nicknames and the
 * foreign names Czech and Slovak lists often hold. The lists matter most where the ending misleads:
 * male names ending in -a/-e/-i/-y (Kuba, Saša, Ilja, Jiří, Mike) and female names ending in a
 * consonant (Dagmar, Ester, Miriam, Karin).
 */
const MALE = `
Adam Adolf Adrian Adrián Albert Albín Aleš Alex Alexandr Alexander Alexej Alfonz Alfréd Alois Alojz
Ambrož Ambróz Andrej Antonín Anton Arnold Arnošt Artur Augustýn Augustín Aurel Bartoloměj Bartolomej
Bedřich Belo Benedikt Beňadik Benjamín Bernard Blahoslav Blažej Bohdan Bohumil Bohumír Bohuslav
Bohuš Boleslav Bonifác Boris Bořek Bořivoj Branislav Bronislav Bruno Břetislav Bystrík Ctibor Ctirad
Cyprián Cyril Čeněk Čestmír Dalibor Dalimil Daniel Dávid David Demeter Denis Dezider Dionýz
Dobroslav Dominik Drahomír Drahoslav Dušan Edmund Eduard Eliáš Emanuel Emil Erik Ernest Ervín Eugen
Evžen Fedor Felix Félix Ferdinand Filip Florián František Frederik Fridrich Gabriel Gašpar Gejza
Gregor Gustav Gustáv Havel Henrich Herbert Heřman Horymír Hubert Hugo Hynek Ignác Igor Ilja Iľja
Imrich Ivan Ivo Izidor Jakub Jan Ján Jarmil Jarolím Jaromír Jaroslav Jáchym Jerguš Jeroným Jindřich
Jiří Jonáš Josef Jozef Julius Július Juraj Kamil Karel Karol Kazimír Klaudius Klement Koloman
Konštantín Kornel Kristián Krištof Kryštof Kvido Květoslav Ladislav Leonard Leopold Leoš Levoslav
Libor Lubomír Ľubomír Lubor Ľubor Luboš Ľuboš Ľuboslav Ludvík Ľudovít Ľudomil Luděk Lukáš Lumír
Marcel Marek Marián Mário Maroš Martin Matej Matěj Matouš Matúš Matyáš Maxmilián Maximilián Medard
Metod Metoděj Michal Mikuláš Milan Miloslav Miloš Milota Miroslav Mojmír Móric Nikolaj Norbert
Oldřich Oldrich Oleg Oliver Ondřej Ondrej Oskar Oto Otakar Otmar Pankrác Patrik Pavel Pavol Peter
Petr Pravoslav Prokop Přemysl Radan Radek Radim Radomír Radoslav Radovan Radúz Rastislav René
Richard Robert Róbert Robin Roland Roman Rostislav Rudolf Samuel Sergej Servác Severín Silvestr
Silvester Slavoj Slavomír Soběslav Stanislav Sáva Svatopluk Svätopluk Svatoslav Svetozár Šimon
Štefan Štěpán Tadeáš Teodor Tibor Tichomír Timotej Timur Tomáš Urban Václav Valdemar Valentýn
Valentín Valér Vasil Vavřinec Vavrinec Věnceslav Vendelín Věroslav Viktor Vilém Viliam Vincenc
Vincent Vít Vítězslav Víťazoslav Vladan Vladimír Vladislav Vlastimil Vlastislav Vojtěch Vojtech
Vratislav Vratko Zbyněk Zbyšek Zdeněk Zdenko Zikmund Žigmund Zlatko Zoltán Kuba Honza Pepa Franta
Vojta Jirka Tonda Standa Ota Saša Nikita Luka Luca Matyas Mathias Tobiáš Sebastián Sebastian Kevin
Nicolas Nikolas Dan Mathew Michael John George Mike Steve Dave Pierre Uwe Jesse Jorge José Joe Luke
Jake Charlie Eddie Jimmy Tony Andy Harry Henry Gary Larry Billy Danny Jerry Timmy Johnny
`;

const FEMALE = `
Adéla Adela Adriana Adriána Agáta Agnesa Albína Alena Alexandra Alica Alice Alžběta Alžbeta Amálie
Amália Anabela Anastázie Anastázia Anděla Andrea Aneta Anežka Angela Angelika Anita Anna Antonie
Antónia Apolena Aurélia Barbora Barbara Beáta Běla Berta Bianka Bibiána Blanka Blažena Bohdana
Bohumila Bohuslava Božena Božidara Branislava Brigita Bronislava Cecílie Cecília Dagmar Dagmara Dana
Danica Daniela Darina Darja Dáša Denisa Diana Dita Dobromila Dobroslava Dominika Dorota Doubravka
Drahomíra Drahoslava Dušana Edita Ela Eleonóra Elena Eliška Elvíra Ema Emílie Emília Erika Ester
Estera Etela Eugénia Eva Evelína Evženie Filoména Františka Frederika Gabriela Galina Gertrúda Gita
Gizela Hana Hedvika Hedviga Helena Henrieta Hermína Hilda Hortenzia Ida Ilona Ingrid Ingrida Irena
Irma Iva Ivana Iveta Ivica Ivona Izabela Jana Jarmila Jaroslava Jela Jindřiška Jiřina Jitka Johana
Jolana Jozefína Judita Julie Júlia Juliana Justýna Justína Kamila Karina Karolína Kateřina Katarína
Klára Klaudie Klaudia Kornélia Kristýna Kristína Květa Květoslava Kvetoslava Lada Laura Lea Lenka
Leona Lesana Lesia Liana Libuše Libuša Liběna Liliana Linda Lívia Ljuba Ľubica Ľubomíra Ľuboslava
Lucie Lucia Ludmila Ľudmila Lujza Lýdie Lýdia Magdaléna Mahulena Malvína Marcela Margaréta Margita
Marie Mária Mariana Marianna Marika Marína Marina Markéta Marlena Marta Martina Matylda Matilda
Melánia Michaela Milada Milena Milica Miloslava Miluše Miriam Miriama Miroslava Monika Naděžda
Nadežda Nataša Natálie Natália Nela Nikola Nina Nora Olga Oľga Oldřiška Olivie Olívia Olympia Otília
Otýlie Oxana Patricie Patrícia Paulína Pavla Pavlína Perla Petra Petrana Petronela Radana Radka
Radmila Radoslava Rebeka Regína Renáta Romana Rozália Rút Ruth Růžena Ružena Sabina Sabína Sandra
Sára Saskie Sidónia Silvie Silvia Simona Slavěna Slavomíra Sláva Slávka Soňa Sofia Stanislava Stela
Světlana Svetlana Svatava Šárka Šarlota Štěpánka Štefánia Tamara Taťána Tatiana Terézia Tereza Timea
Uršuľa Valentína Valérie Valéria Vanda Vendula Věra Viera Veronika Vieroslava Viktorie Viktória
Vilma Viola Vivien Vladěna Vladimíra Vladislava Vlasta Xenie Xénia Zdeňka Zdenka Zdislava Zina Zita
Zlata Zlatica Zoe Zoja Zora Zuzana Žaneta Želmíra Žofie Žofia Sofie Nikol Noemi Karin Esther Carmen
Doris Iris Ivet Judit Judith Agnes Elisabeth Elizabeth Margit Ann Sarah Hannah Deborah Rachel Ráchel
Isabel Helen Ellen Karen Kathleen Megan Lauren Jasmin Mercedes Dolores Gertrud Edith Astrid Sigrid
Ingeborg Abigail Nicol Nicole Lili Naomi Mimi Ivy Amy Lucy Emily Mary Nancy Judy Sally Betty Cindy
Daisy Kelly Emma Mia Ella Julia Natalie Kristina Elen Maria Nelly
`;

function toSet(list: string): ReadonlySet<string> {
  return new Set(list.split(/\s+/).filter((name) => name.length > 0).map((name) => name.toLowerCase()));
}

export const MALE_FIRST_NAMES = toSet(MALE);
export const FEMALE_FIRST_NAMES = toSet(FEMALE);
