// Invented names, drawn to reflect who works in Canadian and Norwegian services.
export const CANADIAN_FIRST = [
  'Amara', 'Liam', 'Priya', 'Mei', 'Jean-François', 'Aisha', 'Noah', 'Chloé', 'Daniel', 'Fatima',
  'Ethan', 'Sophie', 'Rajinder', 'Olivia', 'Mathieu', 'Grace', 'Tariq', 'Émilie', 'Marcus', 'Leila',
  'Kwame', 'Hannah', 'Diego', 'Nadia', 'Owen', 'Isabelle', 'Samir', 'Julia', 'Tyler', 'Anika',
];
export const CANADIAN_LAST = [
  'Okafor', 'Tremblay', 'Sandhu', 'Chen', 'Gagnon', 'Mohamed', 'Whitehorse', 'Roy', 'MacDonald', 'Haddad',
  'Nguyen', 'Bouchard', 'Gill', 'Campbell', 'Lavoie', 'Singh', 'Ahmed', 'Côté', 'Thompson', 'Osei',
  'Fraser', 'Morin', 'Kaur', 'Bergeron', 'Wilson', 'Cardinal', 'Yilmaz', 'Fortin', 'Martin', 'Patel',
];
export const NORWEGIAN_FIRST = [
  'Ingrid', 'Ole', 'Kari', 'Sindre', 'Aisha', 'Marius', 'Siri', 'Ahmed', 'Ingeborg', 'Jonas',
  'Maja', 'Eirik', 'Hanne', 'Tobias', 'Nora', 'Håkon', 'Sara', 'Amir', 'Line', 'Magnus',
  'Ragnhild', 'Emil', 'Thea', 'Sander', 'Mari', 'Jørgen', 'Elin', 'Ali', 'Solveig', 'Kristian',
];
export const NORWEGIAN_LAST = [
  'Solberg', 'Haugen', 'Nordby', 'Lie', 'Hussain', 'Berg', 'Johansen', 'Ali', 'Dahl', 'Bakken',
  'Hansen', 'Eriksen', 'Strand', 'Pedersen', 'Aas', 'Nilsen', 'Larsen', 'Khan', 'Moen', 'Sæther',
  'Halvorsen', 'Lund', 'Jacobsen', 'Andersen', 'Kristiansen', 'Vik', 'Hagen', 'Olsen', 'Rønning', 'Iversen',
];
