/**
 * The 24 questions of the SafeLives DASH risk identification checklist (2009), in order. Question numbers
 * are the contract's `question: Int` (1–24). A "yes" to 14 or more marks visible high risk.
 */
export const DASH_QUESTIONS: readonly string[] = [
  'Has the current incident resulted in injury?',
  'Are you very frightened?',
  'What are you afraid of? Is it further injury or violence?',
  'Do you feel isolated from family or friends?',
  'Are you feeling depressed or having suicidal thoughts?',
  'Have you separated or tried to separate from the abuser within the past year?',
  'Is there conflict over child contact?',
  'Does the abuser constantly text, call, contact, follow, stalk or harass you?',
  'Are you pregnant or have you had a baby in the last 18 months?',
  'Is the abuse happening more often?',
  'Is the abuse getting worse?',
  'Does the abuser try to control everything you do and/or are they excessively jealous?',
  'Has the abuser ever used weapons or objects to hurt you?',
  'Has the abuser ever threatened to kill you or someone else and you believed them?',
  'Has the abuser ever attempted to strangle, choke, suffocate or drown you?',
  'Does the abuser do or say things of a sexual nature that make you feel bad or that physically hurt you or someone else?',
  'Is there any other person who has threatened you or who you are afraid of?',
  'Do you know if the abuser has hurt anyone else?',
  'Has the abuser ever mistreated an animal or the family pet?',
  'Are there any financial issues?',
  'Has the abuser had problems in the past year with drugs, alcohol or mental health leading to problems in leading a normal life?',
  'Has the abuser ever threatened or attempted suicide?',
  'Has the abuser ever breached bail, an injunction or any agreement for when they can see you or the children?',
  'Does the abuser have a criminal history (domestic abuse, violence)?',
];

/** Visible high risk: this many "yes" answers or more. */
export const DASH_HIGH_RISK_SCORE = 14;
