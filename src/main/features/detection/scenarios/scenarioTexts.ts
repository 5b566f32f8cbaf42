// Post templates for generated scenarios. {b} = brand, {c} = city, {n} = number, {h} = the scenario's new hashtag.

export interface ScenarioTexts {
  neutral: string[];
  positive: string[];
  negative: string[];
  crisis: string[];
  campaign: string[];
  buzz: string[];
  cities: string[];
}

export const SCENARIO_TEXTS: Record<'fr' | 'en', ScenarioTexts> = {
  fr: {
    neutral: [
      '{b} ouvre une nouvelle agence à {c} la semaine prochaine',
      'Quelqu’un sait à quelle heure ferme {b} à {c} ?',
      'Rendez-vous chez {b} demain pour mon dossier',
      '{b} publie ses résultats du trimestre',
      'Article sur la stratégie de {b} en Suisse romande',
      'Je passe chez {b} à {c} cet après-midi',
      'Nouveau directeur régional chez {b} à {c}',
    ],
    positive: [
      'Merci {b} pour la réponse rapide, service au top',
      'Très contente de mon conseiller {b} à {c}',
      'Super accueil chez {b} ce matin, bravo à l’équipe',
      'La nouvelle appli {b} est vraiment géniale',
    ],
    negative: [
      'Encore une attente interminable chez {b}, pas content',
      'Appli {b} en panne ce matin, pénible',
      '{b} ne répond jamais au téléphone, déçu',
    ],
    crisis: [
      'Fuite de données chez {b} : mes infos personnelles en ligne ? Scandale {h}',
      '{b} savait et n’a rien dit, c’est une honte {h} #boycott',
      'Je résilie tout chez {b} après ce scandale, inadmissible {h}',
      'Piratage chez {b} : des milliers de clients concernés, personne ne prévient {h}',
      'Plainte déposée contre {b}, la fuite de données est énorme {h}',
      'Arnaque totale, {b} nous ment depuis des semaines {h} #boycott',
      '{b} toujours silencieux sur la fuite de données, honteux {h}',
    ],
    campaign: [
      'Découvrez la nouvelle offre {b} {h} dès aujourd’hui à {c}',
      '{b} lance sa campagne {h} : des avantages pour les jeunes',
      'Vu la pub {b} {h} ce matin, joli film',
      'Jeu concours {b} {h} : tentez votre chance',
    ],
    buzz: [
      'Bravo {b}, magnifique initiative {h} pour {c}',
      'Fière d’être cliente {b} après {h}, merci',
      '{b} soutient les clubs de {c} {h}, superbe',
      'Génial ce que fait {b} avec {h}',
    ],
    cities: ['Genève', 'Lausanne', 'Lyon', 'Paris', 'Neuchâtel', 'Fribourg', 'Bordeaux'],
  },
  en: {
    neutral: [
      '{b} opens a new branch in {c} next week',
      'Does anyone know when {b} closes in {c}?',
      'Meeting at {b} tomorrow about my account',
      '{b} publishes its quarterly results',
      'Piece on the strategy of {b} in Europe',
      'Heading to {b} in {c} this afternoon',
      'New regional manager at {b} in {c}',
    ],
    positive: [
      'Thanks {b} for the quick answer, great service',
      'Really happy with my {b} adviser in {c}',
      'Lovely welcome at {b} this morning, well done team',
      'The new {b} app is awesome',
    ],
    negative: [
      'Another endless wait at {b}, not happy',
      '{b} app is down again this morning, annoying',
      '{b} never answers the phone, disappointed',
    ],
    crisis: [
      'Data breach at {b}: is my personal data online? Scandal {h}',
      '{b} knew and said nothing, shame on them {h} #boycott',
      'Closing all my accounts at {b} after this scandal, unacceptable {h}',
      '{b} hacked: thousands of customers affected and nobody warned us {h}',
      'Filing a complaint against {b}, the data leak is huge {h}',
      'Total scam, {b} has been lying for weeks {h} #boycott',
      '{b} still silent about the data breach, disgraceful {h}',
    ],
    campaign: [
      'Discover the new {b} offer {h} from today in {c}',
      '{b} launches its {h} campaign with perks for students',
      'Saw the {b} {h} ad this morning, nice film',
      '{b} {h} contest: try your luck',
    ],
    buzz: [
      'Well done {b}, wonderful {h} initiative for {c}',
      'Proud to bank with {b} after {h}, thanks',
      '{b} supports the clubs of {c} {h}, superb',
      'Love what {b} is doing with {h}',
    ],
    cities: ['London', 'Geneva', 'Manchester', 'Dublin', 'Edinburgh', 'Bristol', 'Leeds'],
  },
};
