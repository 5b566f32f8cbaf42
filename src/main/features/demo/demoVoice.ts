// The demo's wording. The generator writes each post from a handful of templates, and the demo replays its day
// every day and its crisis every hour: left as is, the response queue filled with the same question hundreds of
// times. Each post keeps its time, author and tone; a few stay questions, drawn from a wider bank, and the rest
// say the same thing as statements. Choices follow from the post's id, so a replay stays deterministic.
import type { MentionInput } from '../../../shared/domain/mention';
import { pick, seededRandom } from '../../platform/seededRandom';

type Language = 'fr' | 'en';

/** Share of the generator's questions kept as questions: about a dozen a day, and a few per crisis wave. */
const ORDINARY_QUESTION_SHARE = 1 / 10;
const WAVE_QUESTION_SHARE = 1 / 20;

interface DemoTexts {
  readonly brand: string;
  readonly hashtag: string;
  readonly cities: readonly string[];
  readonly questions: readonly string[];
  readonly statements: readonly string[];
  readonly crisisQuestions: readonly string[];
  readonly crisisStatements: readonly string[];
  /** Openings and endings that make repeated templates read as different people; none adds a complaint. */
  readonly openings: readonly string[];
  readonly endings: readonly string[];
}

const TEXTS: Record<Language, DemoTexts> = {
  fr: {
    brand: 'Banque Lemania',
    hashtag: '#FuiteLemania',
    cities: ['Genève', 'Lausanne', 'Neuchâtel', 'Fribourg', 'Sion', 'Montreux', 'Yverdon', 'Nyon'],
    questions: [
      'Quelqu’un sait à quelle heure ferme {b} à {c} ?',
      '{b} à {c}, c’est ouvert le samedi ?',
      'Comment on commande une nouvelle carte chez {b} ?',
      'Est-ce que {b} a un compte jeunes à {c} ?',
      'Combien de temps prend un virement {b} vers l’étranger ?',
      'Faut-il un rendez-vous pour ouvrir un compte chez {b} à {c} ?',
      'Pourquoi l’appli {b} me déconnecte toutes les cinq minutes ?',
      'Quelqu’un a fait un prêt immobilier chez {b} à {c} ?',
      'Le distributeur {b} de la gare de {c} remarche ?',
      'On peut payer avec sa montre chez {b} ?',
      '{b} a changé ses frais de tenue de compte ?',
      'Où trouver le formulaire de changement d’adresse {b} ?',
    ],
    statements: [
      'Passé chez {b} à {c}, rien à signaler',
      'Rendez-vous chez {b} à {c} jeudi pour mon dossier',
      '{b} a mis à jour son appli cette semaine',
      'Vu une pub {b} dans le bus à {c}',
      'Mon conseiller {b} à {c} change d’agence',
      'Nouvelle carte {b} reçue ce matin',
      '{b} sponsorise le semi-marathon de {c}',
    ],
    crisisQuestions: [
      '{b}, mes données font-elles partie de la fuite ? {h}',
      'Faut-il changer son mot de passe {b} après la fuite de données ? {h}',
      'Qui appeler chez {b} quand on a reçu un faux courriel ? {h}',
      '{b} va prévenir les clients touchés par la fuite ? {h}',
      'Je dois faire opposition sur ma carte {b} ? {h}',
      'Mon IBAN {b} est dans la fuite, je fais quoi ? {h}',
      'Quelqu’un a eu une réponse de {b} sur la fuite de données ? {h}',
      'La fuite chez {b} touche aussi les comptes d’entreprise ? {h}',
    ],
    crisisStatements: [
      'Fuite de données chez {b} : je viens de recevoir un courriel bizarre {h}',
      'Les données de clients {b} seraient en vente sur un forum {h}',
      'À {c}, tout le monde parle de la fuite de données chez {b} {h}',
      'Je surveille mes comptes {b} de près depuis la fuite de données {h}',
      'La fuite de données {b} fait la une à {c} {h}',
      'Piratage chez {b} : courriel d’hameçonnage reçu avec mon IBAN {h}',
    ],
    openings: ['', '', 'Bonjour, ', 'Petite question : ', 'Question : ', 'Dites, '],
    endings: ['', '', '', '', '', '', '', ' — {c}', ' — {c}', ' (vu ce matin)', ' …', ' #banque'],
  },
  en: {
    brand: 'Lemania Bank',
    hashtag: '#BreachLemania',
    cities: ['London', 'Geneva', 'Manchester', 'Dublin', 'Edinburgh', 'Bristol', 'Leeds', 'Cardiff'],
    questions: [
      'Does anyone know when {b} closes in {c}?',
      'Is {b} in {c} open on Saturdays?',
      'How do I order a new card from {b}?',
      'Does {b} have a student account in {c}?',
      'How long does a {b} transfer abroad take?',
      'Do I need an appointment to open an account at {b} in {c}?',
      'Why does the {b} app log me out every five minutes?',
      'Anyone got a mortgage with {b} in {c}?',
      'Is the {b} cash machine at {c} station working again?',
      'Can I pay with my watch at {b}?',
      'Has {b} changed its account fees?',
      'Where is the {b} change of address form?',
    ],
    statements: [
      'Popped into {b} in {c}, all quiet',
      'Appointment at {b} in {c} on Thursday about my file',
      '{b} updated its app this week',
      'Saw a {b} ad on the bus in {c}',
      'My {b} adviser in {c} is moving branch',
      'New {b} card arrived this morning',
      '{b} sponsors the {c} half marathon',
    ],
    crisisQuestions: [
      '{b}, is my data part of the leak? {h}',
      'Should I change my {b} password after the data breach? {h}',
      'Who do I call at {b} about a phishing email? {h}',
      'Will {b} tell the customers hit by the breach? {h}',
      'Should I block my {b} card? {h}',
      'My {b} IBAN is in the leak, what now? {h}',
      'Anyone heard back from {b} about the data breach? {h}',
      'Does the {b} leak affect business accounts too? {h}',
    ],
    crisisStatements: [
      'Data breach at {b}: just got a strange email {h}',
      '{b} customer data reportedly up for sale on a forum {h}',
      'Everyone in {c} is talking about the {b} data breach {h}',
      'Watching my {b} accounts closely since the data breach {h}',
      'The {b} data leak is front page news in {c} {h}',
      '{b} hacked: phishing email received quoting my IBAN {h}',
    ],
    openings: ['', '', 'Hi, ', 'Quick question: ', 'Question: ', 'Hello, '],
    endings: ['', '', '', '', '', '', '', ' — {c}', ' — {c}', ' (seen this morning)', ' …', ' #banking'],
  },
};

/** FNV-1a: a stable seed from the post's id. */
function seedOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i += 1) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The post as the demo publishes it; `id` is its demo id (unique per day or per wave). */
export function demoVoice(mention: MentionInput, id: string, wave: boolean): MentionInput {
  const texts = TEXTS[mention.language === 'fr' ? 'fr' : 'en'];
  const random = seededRandom(seedOf(id));
  const fill = (template: string): string =>
    template.replaceAll('{b}', texts.brand).replaceAll('{c}', pick(texts.cities, random)).replaceAll('{h}', texts.hashtag);
  // The generator glues the brand's space into its hashtag (#FuiteBanque Lemania): the demo's own tag reads right.
  let text = mention.text.replace(/#(?:Fuite|Breach)(?:Banque Lemania|Lemania Bank)/gu, texts.hashtag);
  if (text.includes('?')) {
    const keep = random() < (wave ? WAVE_QUESTION_SHARE : ORDINARY_QUESTION_SHARE);
    const pool = wave ? (keep ? texts.crisisQuestions : texts.crisisStatements) : keep ? texts.questions : texts.statements;
    const opening = keep ? pick(texts.openings, random) : '';
    const line = pick(pool, random);
    // An opening lowers the question's first letter, unless the question starts with the brand's name.
    text = fill(opening + (opening && !line.startsWith('{b}') ? line.charAt(0).toLowerCase() + line.slice(1) : line));
  }
  if (!text.includes('?')) text += fill(pick(texts.endings, random));
  return { ...mention, text };
}
