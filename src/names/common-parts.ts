/**
 * Name parts that a large share of people bear in the cultures the lists and the traffic come
 * from: the commonest given names and surnames (Arabic and Persian, South Asian, Chinese,
 * Korean, Vietnamese, Hispanic, Portuguese, English, French, German, Italian, Russian and the
 * Balkans, Turkish), written from general knowledge of name frequencies, not from any set the
 * matcher is measured on. Two names that agree only on such parts (José Rodríguez against
 * José Misael Cisneros Rodríguez) say little that one person bears both; a rare part that
 * agrees says much, and a common one left out costs little (name-score.ts).
 *
 * A part in Latin (or romanised) is common when one of its spellings or its sound key
 * (phonetic.ts) is that of a listed name; a part in Arabic script, which leaves the vowels out,
 * when its consonant skeleton (three letters or more) is: محمد gives "mhmd" like Muhammad.
 */
import { skeletonKey, soundKeys } from './phonetic.js';

const COMMON_NAMES = `
muhammad mohammad mohammed muhammed mohamed mohamad mohd mehmet mamadou ahmad ahmed ahmet
ali aly hassan hasan hussein husain husayn hossein huseyn ibrahim abraham abdullah abdallah
abdulla abdul abd abdel abdoul abu abou omar umar omer osman usman othman uthman yusuf youssef
yousef yusuf joseph jose josef giuseppe khalid khaled mahmoud mahmud mustafa mostafa mustapha
said saeed sayed sayyid syed salim saleem salem karim kareem rahman rehman rahim hamid hamed
ahmadi hosseini mohammadi rezaei rezai reza mehdi mahdi jafari karimi hashemi mousavi musawi
amin amina fatima fatma aisha ayesha khadija zainab maryam mariam maria mary marie mariya
khan shah singh kumar kaur sharma patel gupta das devi lal ram raj prasad ahmedi begum bibi
islam uddin ullah hossain hussain haque hoque miah mia rahaman chowdhury
wang li lee zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin luo gao liang
zheng xie song tang han feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye
cheng wei su lu ding ren shen yao zhong jiang cui tan lam wong chan cheung ng ho leung lau
kim park choi jung jeong kang cho yoon jang lim shin han oh seo kwon hwang ahn song yoo hong
jeon ko moon yang son bae baek heo nam sim noh ha kwak sung cha joo woo min
nguyen tran le pham hoang huynh phan vu vo dang bui do ngo duong ly
garcia rodriguez gonzalez fernandez lopez martinez sanchez perez gomez martin jimenez ruiz
hernandez diaz moreno alvarez munoz romero alonso gutierrez navarro torres dominguez vazquez
vasquez ramos gil ramirez serrano blanco suarez molina morales ortega delgado castro ortiz
rubio marin sanz nunez iglesias medina garrido cortes castillo santos lozano guerrero cano
prieto mendez cruz flores herrera pena leon marquez cabrera gallego calvo vidal campos reyes
vega fuentes carrasco diez aguilar mendoza rojas silva sosa contreras guzman chavez salazar
rios velasquez estrada luna avila duran vargas soto figueroa espinoza espinosa ochoa
pereira oliveira souza sousa lima costa ferreira almeida carvalho ribeiro rodrigues alves
juan carlos luis jorge miguel francisco antonio manuel pedro jesus javier rafael fernando
alejandro ricardo roberto eduardo sergio mario oscar raul ramon enrique victor hector arturo
alberto andres pablo diego daniel david angel alfredo julio cesar guillermo gustavo hugo
ana carmen rosa teresa laura patricia isabel elena lucia sofia claudia martha marta
john james robert michael william richard thomas charles christopher paul mark george steven
smith johnson williams brown jones miller davis wilson anderson taylor thomas moore jackson
white harris clark lewis robinson walker young allen wright scott hill green adams baker
nelson carter mitchell roberts turner phillips campbell parker evans edwards collins
jean pierre michel philippe alain bernard dubois durand leroy moreau simon laurent lefebvre
muller mueller schmidt schneider fischer weber meyer wagner becker schulz hoffmann
rossi russo ferrari esposito bianchi romano colombo ricci marino greco bruno gallo conti
alexander aleksandr alexandr sergey sergei andrei andrey vladimir dmitry dmitri nikolai
nikolay ivan yuri yury alexey aleksey mikhail igor oleg viktor pavel
ivanov smirnov kuznetsov popov vasiliev petrov sokolov mikhailov novikov fedorov morozov
volkov alekseev lebedev semenov egorov pavlov kozlov stepanov nikolaev orlov
jovanovic petrovic nikolic markovic djordjevic stojanovic ilic stankovic pavlovic milosevic
horvat kovacevic babic maric novak kovac
yilmaz kaya demir sahin celik yildiz yildirim ozturk aydin ozdemir arslan dogan kilic
mouhamed mukhammad muhamad mohamud maxamed zadeh zada zade nour noor nur
`;

const ASCII_NAMES: ReadonlySet<string> = new Set(COMMON_NAMES.split(/\s+/).filter(Boolean));

/** Sound keys of the listed names, for Latin spellings that write them otherwise (Husain, Hussein). */
const SOUNDS: ReadonlySet<string> = new Set([...ASCII_NAMES].flatMap((name) => soundKeys(name)));

/** Skeletons of three letters or more: shorter ones (Ali, "l") are shared by too many names. */
const SKELETONS: ReadonlySet<string> = new Set(
  [...ASCII_NAMES].map(skeletonKey).filter((skeleton) => skeleton.length >= 3),
);

/** Whether a Latin (or romanised) part with these spellings and sound keys is a common name part. */
export function isCommonSpelling(spellings: readonly string[], sounds: readonly string[]): boolean {
  for (const spelling of spellings) if (ASCII_NAMES.has(spelling)) return true;
  for (const sound of sounds) if (SOUNDS.has(sound)) return true;
  return false;
}

/** Whether an Arabic-script part with these consonant skeletons is a common name part. */
export function isCommonSkeleton(skeletons: readonly string[]): boolean {
  for (const skeleton of skeletons) if (skeleton.length >= 3 && SKELETONS.has(skeleton)) return true;
  return false;
}
