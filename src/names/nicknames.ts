/**
 * Given names that are one name to a screener: English hypocoristics (Bill, William), and
 * the Russian, Belarusian, Ukrainian and Polish forms of the same name with their usual
 * diminutives (Alyaksandr, Oleksandr, Aleksandr, Sasha). The English groups are selected from
 * the carltonnorthern/nicknames table (names.csv, Apache-2.0); see SOURCES.md beside this file.
 */
const GROUPS = `
william bill billy will willy willie liam wilhelm guillermo guillaume
robert bob bobby rob robbie roberto
richard dick rick ricky rich richie ricardo
james jim jimmy jamie diego
john jack johnny jon juan jean johann ivan
thomas tom tommy tomas
timothy tim timmy
michael mike mick mickey micky miguel michel mikhail misha mykhailo mikhas michal
christopher chris kit cristobal
nicholas nick nicky nicolas nikolai nikolay nicolai mikalai mykola kolya
joseph joe joey jose giuseppe josef
charles charlie chuck carlos carl karl
edward eddie ted ned eduardo
anthony tony antonio anton
daniel dan danny
david dave davy
alexander alex alec sandy alejandro alessandro alexandre aleksandr aleksander alexandr oleksandr alyaksandr aliaksandr sasha sascha
andrew andy drew andrei andrey andriy andrii andreas andres andrzej
benjamin ben benny
samuel sam sammy
stephen steven steve stefan stepan esteban
matthew matt mateo matteo matvei
peter pete pedro pietro pyotr petr piotr petro pierre
patrick pat paddy
lawrence larry lorenzo
gregory greg gregorio grigory hryhoriy
jonathan jon
joshua josh
kenneth ken kenny
ronald ron ronnie
donald don donnie
gerald jerry gerry
frederick fred freddie
henry harry hank enrique heinrich
harold harry hal
elizabeth liz lizzie beth betty betsy eliza isabel
margaret maggie meg peggy marge
catherine katherine kathryn kate katie kathy cathy kat ekaterina yekaterina katya katsiaryna kateryna
susan sue susie
deborah debbie deb
jennifer jen jenny
patricia patty trish
rebecca becky
victoria vicky tori
vladimir volodya vova uladzimir volodymyr wladimir wlodzimierz
dmitry dmitri dmitrii dima dzmitry dmytro
sergei sergey seryozha siarhei serhiy serhii sergiy
yuri yury yuriy yurii yura jurij
aleksei alexei alexey alyosha aliaksei oleksiy oleksii
yevgeny evgeny evgenii zhenya yauhen yevhen
anatoly anatoliy anatolii tolya anatol
viktor victor vitya viktar
pavel pasha paval pavlo pawel paul paolo pablo
tatiana tatyana tanya tatsiana tetiana
natalia natalya natasha natallia nataliya
maria mariya maryia masha marie mary
olga olya volha olha
elena yelena alena olena lena helena
anastasia nastya anastasiya
svetlana sveta sviatlana svitlana
`;

/**
 * The same name in Russian, Belarusian, Ukrainian and Polish (and its usual English spelling):
 * a transliteration of one name across related languages, not another form of it, so it
 * counts like a spelling (part-similarity.ts). Nicknames and other languages' forms (Miguel,
 * Diego, Ivan for John) are true of many more persons and count for less.
 */
const NATIONAL_FORMS = `
alexander aleksandr aleksander alexandr oleksandr alyaksandr aliaksandr
andrei andrey andriy andrii
mikhail mykhailo mikhas
nikolai nikolay nicolai mikalai mykola
ekaterina yekaterina katsiaryna kateryna
grigory hryhoriy
pyotr petr piotr petro
vladimir uladzimir volodymyr wladimir wlodzimierz
dmitry dmitri dmitrii dzmitry dmytro
sergei sergey siarhei serhiy serhii sergiy
yuri yury yuriy yurii jurij
aleksei alexei alexey aliaksei oleksiy oleksii
yevgeny evgeny evgenii yauhen yevhen
anatoly anatoliy anatolii anatol
viktor victor viktar
pavel paval pavlo pawel
tatiana tatyana tatsiana tetiana
natalia natalya natallia nataliya
maria mariya maryia
olga volha olha
elena yelena alena olena
anastasia anastasiya
svetlana sviatlana svitlana
`;

function groupTable(table: string): Map<string, number[]> {
  const groupsByName = new Map<string, number[]>();
  table
    .trim()
    .split('\n')
    .forEach((line, group) => {
      for (const name of line.trim().split(/\s+/)) {
        const groups = groupsByName.get(name) ?? [];
        if (!groups.includes(group)) groups.push(group);
        groupsByName.set(name, groups);
      }
    });
  return groupsByName;
}

const groupsByName = groupTable(GROUPS);
const nationalFormsByName = groupTable(NATIONAL_FORMS);

/** The groups of names (numbers) an ASCII given name belongs to; none for most names. */
export function nameGroups(ascii: string): readonly number[] {
  return groupsByName.get(ascii) ?? [];
}

/** The groups of NATIONAL_FORMS (numbers of their own) an ASCII given name belongs to. */
export function nationalFormGroups(ascii: string): readonly number[] {
  return nationalFormsByName.get(ascii) ?? [];
}
