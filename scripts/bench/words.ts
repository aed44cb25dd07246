/**
 * The vocabulary synthetic blueprints are written from. Written for the benchmark: the phrases
 * are the kind NHS digital teams use, so the search index sees realistic words, and the lists
 * are long enough that pages differ from one another. Earlier entries are picked more often
 * (see Random.zipf), as in real prose.
 */

/** Who did something. */
export const teams = [
  'the digital team', 'the nursing informatics team', 'ward managers', 'the clinical safety officer', 'super-users',
  'the project board', 'matrons', 'the CCIO', 'the CNIO', 'pharmacists', 'the service desk', 'junior doctors',
  'the trust board', 'the integration team', 'therapists', 'health visitors', 'paramedics', 'the data warehouse team',
  'the training team', 'the EPR programme team', 'GP practices', 'the information governance lead', 'the estates team',
  'consultants', 'ward clerks', 'the medical records team', 'the business intelligence team', 'the procurement team',
  'the finance business partner', 'district nurses', 'the deputy chief nurse', 'the patient panel', 'volunteers',
  'the operational managers', 'theatre coordinators', 'the discharge team', 'the mental health liaison team',
  'the infrastructure team', 'the cyber security lead', 'the architecture board', 'the design authority',
  'the clinical reference group', 'the chief operating officer', 'the medical director', 'midwives',
  'the outpatient managers', 'the radiology team', 'the pathology network', 'the safeguarding team',
  'care home managers', 'the local authority', 'the ICB digital lead', 'the supplier’s implementation team',
  'the benefits realisation lead', 'the change managers', 'the communications team', 'healthcare assistants',
  'the night site team', 'the bed managers', 'the emergency department leads', 'advanced nurse practitioners',
  'speech and language therapists', 'dietitians', 'social workers', 'the records transformation team',
] as const;

/** What they did, as [past tense, plain form]. */
export const verbs = [
  ['tested', 'test'], ['piloted', 'pilot'], ['mapped', 'map'], ['configured', 'configure'], ['rolled out', 'roll out'],
  ['measured', 'measure'], ['rewrote', 'rewrite'], ['agreed', 'agree'], ['trained staff on', 'train staff on'],
  ['retired', 'retire'], ['replaced', 'replace'], ['reviewed', 'review'], ['linked', 'link'], ['procured', 'procure'],
  ['audited', 'audit'], ['simplified', 'simplify'], ['documented', 'document'], ['redesigned', 'redesign'],
  ['published', 'publish'], ['migrated', 'migrate'], ['scheduled', 'schedule'], ['monitored', 'monitor'],
  ['prioritised', 'prioritise'], ['shadowed staff using', 'shadow staff using'], ['standardised', 'standardise'],
  ['switched off', 'switch off'], ['built', 'build'], ['signed off', 'sign off'], ['funded', 'fund'],
  ['challenged', 'challenge'], ['paused', 'pause'], ['restarted', 'restart'], ['extended', 'extend'],
  ['localised', 'localise'], ['tidied up', 'tidy up'], ['cleansed', 'cleanse'], ['validated', 'validate'],
  ['benchmarked', 'benchmark'], ['co-designed', 'co-design'], ['walked through', 'walk through'],
  ['stress-tested', 'stress-test'], ['re-planned', 're-plan'], ['handed over', 'hand over'], ['costed', 'cost'],
  ['automated', 'automate'], ['reconciled', 'reconcile'], ['consolidated', 'consolidate'], ['phased', 'phase'],
] as const;

/** What they did it to. */
export const things = [
  'the admission workflow', 'the discharge summary', 'observation charts', 'drug charts', 'order sets',
  'the results inbox', 'referral letters', 'the bed board', 'handover notes', 'the patient portal',
  'device charging points', 'Wi-Fi coverage', 'smartcard access', 'the hazard log', 'single sign-on',
  'the theatre schedule', 'clinic letters', 'the outpatient booking system', 'the data feed', 'early warning scores',
  'the sepsis screening tool', 'the falls risk assessment', 'the nursing assessment', 'care plans', 'the problem list',
  'the allergy record', 'the medicines reconciliation form', 'the electronic whiteboard', 'task lists',
  'the ward round template', 'the clinical noting screens', 'the pathology interface', 'the radiology requests',
  'the integration engine', 'the master patient index', 'NHS number tracing', 'the GP Connect feed',
  'the shared care record', 'the virtual ward dashboard', 'remote monitoring kits', 'the text reminder service',
  'the appointment letters', 'the waiting list', 'the referral triage rules', 'the safeguarding alerts',
  'the mental health act forms', 'the risk assessment', 'the crisis plan', 'the community caseload view',
  'the mobile working app', 'the laptops', 'the handheld devices', 'the printers', 'the network switches',
  'the data centre move', 'the backup regime', 'the patching cycle', 'the access reviews', 'the training environment',
  'the test scripts', 'the cutover plan', 'the go-live checklist', 'the command centre', 'the floor-walker rota',
  'the benefits register', 'the business case', 'the data protection impact assessment', 'the clinical safety case',
  'the reporting suite', 'the activity returns', 'the coding workflow', 'the clinic outcome form',
  'the paper records store', 'the scanning bureau', 'the document viewer', 'the e-learning modules',
  'the competency framework', 'the super-user network', 'the change requests', 'the release calendar',
] as const;

/** Where work happened; "ward" and "wards" are common so a search for them finds plenty. */
export const places = [
  'wards', 'clinics', 'theatres', 'community teams', 'sites', 'practices', 'emergency departments', 'care homes',
  'inpatient units', 'outpatient departments', 'maternity units', 'assessment units', 'day surgery units',
  'crisis teams', 'hubs', 'localities', 'neighbourhood teams', 'ambulance stations', 'control rooms',
] as const;

export const times = [
  'within six weeks', 'in the first quarter', 'before go-live', 'after go-live', 'every fortnight', 'over the winter',
  'during the pilot', 'ahead of the national deadline', 'in the second year', 'within the first month',
  'over eighteen months', 'before the summer', 'during the night shifts', 'at weekends', 'ward by ward',
  'site by site', 'in three waves', 'in parallel with the upgrade', 'once the network was ready', 'after the pilot',
  'when the contract was signed', 'alongside business as usual', 'as soon as the funding landed',
] as const;

export const outcomes = [
  'fewer missed doses', 'faster discharges', 'less time spent on paperwork', 'shorter waits', 'fewer duplicate tests',
  'quicker escalation of deteriorating patients', 'fewer lost referrals', 'clearer handovers', 'more reliable data',
  'fewer incidents reported', 'higher staff confidence', 'better attendance at clinics', 'fewer calls to the service desk',
  'fewer transcription errors', 'faster access to results', 'fewer printed pages', 'more accurate coding',
  'shorter ward rounds', 'earlier sepsis treatment', 'fewer readmissions', 'less agency spend',
  'more time for patient care', 'better uptake of the patient portal', 'fewer cancelled operations',
] as const;

export const problems = [
  'double entry', 'lost referrals', 'late escalation', 'unreadable handwriting', 'poor Wi-Fi', 'alert fatigue',
  'slow logins', 'missing results', 'unclear ownership', 'too many paper forms', 'a shortage of devices',
  'limited backfill', 'supplier delays', 'weak clinical engagement', 'data quality gaps', 'an unstable network',
  'competing priorities', 'training that came too early', 'unclear governance', 'a frozen budget',
  'local workarounds', 'inconsistent templates', 'duplicate patient records', 'a short contract window',
] as const;

export const connectors = [
  'At first', 'Later', 'In the end', 'Looking back', 'By then', 'After that', 'Early on', 'From the start',
  'In practice', 'As a result', 'Over time', 'On reflection', 'In the pilot', 'For the second wave',
] as const;

/** Gerunds that start a title; none of the "Improving…"-style openings the title rule refuses. */
export const titleVerbs = [
  'Moving', 'Replacing', 'Rolling out', 'Cutting', 'Training', 'Building', 'Setting up', 'Bringing', 'Linking',
  'Introducing', 'Giving', 'Reducing', 'Running', 'Sharing', 'Standing up', 'Redesigning', 'Retiring', 'Automating',
  'Measuring', 'Funding', 'Procuring', 'Piloting', 'Scaling', 'Joining up', 'Switching off', 'Digitising',
] as const;

export const numberWords = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'twelve', 'eighteen'] as const;

/** Cost lines for the table in "Costs and funding". */
export const costItems = [
  'Devices', 'Licences', 'Backfill for clinical staff', 'Training', 'Wi-Fi upgrade', 'Integration work',
  'Supplier professional services', 'Project team', 'Data migration', 'Clinical safety work', 'Printers and scanners',
  'Hosting', 'Contingency', 'Evaluation',
] as const;

export const funders = [
  'Trust capital', 'Trust revenue', 'National programme', 'ICB', 'Charitable funds', 'Frontline Digitisation',
  'Digital Aspirant funding', 'Shared with partners',
] as const;

export const resourceTitles = [
  'Business case template', 'Standard operating procedure', 'Training guide for super-users', 'Hazard log extract',
  'Go-live checklist', 'Benefits register', 'Data protection impact assessment', 'Communications plan',
  'Cutover runbook', 'Evaluation report', 'Board paper', 'Clinical safety case report', 'Floor-walker rota',
] as const;

/** Syllables for made-up place and organisation names (the long tail of words in real text). */
export const syllables = {
  start: ['Ash', 'Brom', 'Cal', 'Dun', 'Elm', 'Fen', 'Gar', 'Hal', 'Ivy', 'Kel', 'Lang', 'Mar', 'Nor', 'Ock', 'Pen', 'Quar', 'Ros', 'Stav', 'Thorn', 'Up', 'Ver', 'Wex', 'Yar', 'Bel', 'Cran', 'Hol', 'Lin', 'Mell', 'Sut', 'Wim'],
  middle: ['', '', 'er', 'ing', 'el', 'an', 'ow', 'ley', 'ford', 'mere'],
  end: ['by', 'ton', 'ham', 'field', 'wick', 'ley', 'bridge', 'stead', 'worth', 'moor', 'dale', 'side', 'holt', 'combe', 'well'],
} as const;

export const orgKinds = [
  ['Teaching Hospitals NHS Foundation Trust', 'acute'],
  ['Hospitals NHS Trust', 'acute'],
  ['Community Health NHS Trust', 'community'],
  ['Mental Health NHS Foundation Trust', 'mental-health'],
  ['Ambulance Service NHS Trust', 'ambulance'],
  ['Integrated Care Board', 'icb-system'],
  ['Medical Group', 'primary-care'],
  ['Council Adult Social Care', 'social-care'],
  ['Specialist Hospital NHS Foundation Trust', 'specialist'],
] as const;
