import type { Metric } from '../model/metrics.ts';

/**
 * Metric rules as data. A table row label or a "Label: value" line is matched against
 * LABEL_RULES in order (first match wins); prose figures are classified by PROSE_* keyword
 * tables. Differences between issuers belong here or in the registry's labelAliases, never in
 * code branches on a ticker.
 */

/** What a figure must look like for a rule: decides unit handling and sanity bounds. */
export type ValueKind = 'btc' | 'usd' | 'usd_per_btc' | 'hashrate' | 'efficiency' | 'mw' | 'usd_per_kwh';

export interface LabelRule {
  metric: Metric;
  match: RegExp;
  exclude?: RegExp;
  value: ValueKind;
  basis?: string;
  confidence?: number;
  note?: string;
  /** a registry alias's own words, lower case, for prose that ends in them */
  phrase?: string;
}

/** Words that make any row or clause about someone else's coins or the whole network. */
export const NOT_OWN = /\b(global|network|industry|hosting customers?|customers?'?|cloud mining|cloud hash|hash ?rate sharing|power sales? equivalent|equivalent btc|on behalf of|clients?)\b/i;

/**
 * Hashrate or MW totals that include other parties' machines: "proprietary" (self-mining plus cloud
 * hash rate sold), "under management", "managed by", "total managing", "under its operation".
 */
export const SCOPE_NOT_OWN = /\b(?:proprietary|under\s+(?:its\s+|our\s+|the\s+company['’]s\s+)?(?:management|operation)|managed\s+by|(?:total\s+)?managing|hosting|hosted|cloud|customers?|clients?|partners?)\b/i;

/** Row label segments that are a site or a business line, not the company total. */
export const SEGMENT_OK = /^(total|net proceeds|net|owned facilities|direct energy cost|company|consolidated|combined|gross|self[- ]mining|proprietary mining|bitcoin|btc)$/i;

export const LABEL_RULES: LabelRule[] = [
  // ---- holdings (before "held" so the qualified kinds win)
  { metric: 'btc_held_pledged', value: 'btc', match: /\b(bitcoin|btc)s?\b.*\b(pledged|collateral)\b|\b(pledged|collateral)\b.*\b(bitcoin|btc)s?\b/, exclude: /\$|usd|fair value|value of|receivable|gain|loss|received|transferred|returned|impairment|change/ },
  { metric: 'btc_held_receivable', value: 'btc', match: /\b(bitcoin|btc)s?\b.*\breceivable\b|\breceivable\b.*\b(bitcoin|btc)s?\b/, exclude: /\$|usd|fair value|value of|accounts receivable|gain|loss|change/ },
  { metric: 'btc_held_loaned', value: 'btc', match: /\b(bitcoin|btc)s?\b.*\b(loaned|lent|on loan)\b/, exclude: /\$|usd|fair value|value of|gain|loss/ },
  {
    metric: 'btc_held',
    value: 'btc',
    match: /\b(bitcoin|btc)s?\s+(held|holdings?|hodl|treasury|on hand|balance|on (the )?balance sheet)\b|\b(number|quantity) of (bitcoin|btc)s?( held)?\b|\btotal (bitcoin|btc) (holdings|held)\b|\b(bitcoin|btc) holdings\b|^balance (at|as of)\b|^(ending|closing) balance\b|^(bitcoin|btc) treasury\b/,
    exclude: /\bvalue\b|cost basis|per (bitcoin|btc)|\$|usd|in ['’]?000|in thousands|market price|price|change|\bsold\b|% |stock|shares|equivalent/,
  },
  // ---- production
  {
    metric: 'btc_produced',
    value: 'btc',
    match: /\b(bitcoin|btc)s?\s+(mined|produced|earned|production|self-mined)\b|\b(mined|produced|earned)\s+(bitcoin|btc)\b|(receipt|addition)s? of (bitcoin|btc)s? from mining|^(self[- ]mining|proprietary mining)\s*(bitcoin|btc)?\s*(mined|produced|output)?$|^total (bitcoin|btc) (mined|produced)|^(bitcoin|btc) mined$/,
    exclude: /per (day|block|eh|th|ph|bitcoin|btc)|daily|average|avg|\bat\b|facilit|hosted|hosting|revenue|price|value|\$|usd|%|percentage|equivalent|customer|pool|fees|costs?\b|expense|depreciation/,
  },
  // ---- sales and purchases
  { metric: 'btc_sold_avg_price', value: 'usd_per_btc', match: /average (net )?(sale |selling )?price per (bitcoin|btc) sold|average (net )?(sale|selling) price|average price of (bitcoin|btc) sold/ },
  { metric: 'btc_sold_proceeds', value: 'usd', match: /\bproceeds\b.*\b(bitcoin|btc)\b|\b(bitcoin|btc) sales?\b.*\bproceeds\b/, exclude: /per (bitcoin|btc)|miners?|equipment|shares|stock|notes|offering|loan|debt|warrants|property|derivative|contracts?|investment|subsidiar/ },
  {
    metric: 'btc_sold',
    value: 'btc',
    match: /\b(bitcoin|btc)s?\s+sold\b|\bsales? of (bitcoin|btc)\b|\b(bitcoin|btc)\s+sales?\b|\b(bitcoin|btc) converted\b|\bsales? of and payments made in (bitcoin|btc)/,
    exclude: /proceeds|price|\$|usd|miners?|gain|loss|realized|value|revenue|per /,
  },
  { metric: 'btc_purchased_cost', value: 'usd', match: /\bcost of (bitcoin|btc) purchased|(bitcoin|btc) purchases? \(\$|purchases? of (bitcoin|btc) \(\$/ },
  { metric: 'btc_purchased', value: 'btc', match: /\b(bitcoin|btc)s? (purchased|acquired|bought)\b|\bpurchases? of (bitcoin|btc)\b/, exclude: /\$|usd|cost|price|miners?|equipment/ },
  // ---- hashrate
  {
    metric: 'hashrate_average',
    value: 'hashrate',
    basis: 'operating_average',
    match: /\b(average|avg\.?)\s+(monthly\s+)?(operating\s+|operational\s+|self[- ]mining\s+|realized\s+)?hash\s?rate\b|\baverage\s+\w+\s+hash\s?rate\b/,
    exclude: /global|network|share|percentage|%|hosting|cloud|under management|managed|managing|proprietary|customer|peak|deployed|installed|energized/,
  },
  {
    metric: 'hashrate_installed',
    value: 'hashrate',
    match: /\b(deployed|installed|energized|nameplate|maximum|max)\s+(self[- ]mining\s+)?hash\s?rate\b|\bhash\s?rate capacity\b/,
    exclude: /global|network|share|percentage|%|hosting|cloud|under management|managed|managing|proprietary|customer|target|expected/,
  },
  {
    metric: 'hashrate_operating',
    value: 'hashrate',
    match: /\b(operating|operational|active|online|self[- ]mining|month[- ]end)?\s*hash\s?rate\b/,
    exclude: /global|network|share|percentage|%|hosting|cloud|under management|managed|managing|proprietary|customer|target|expected|peak|revenue|price/,
  },
  // ---- efficiency, power
  { metric: 'fleet_efficiency', value: 'efficiency', match: /\befficiency\b|\bj\/th\b|\bw\/th\b|watts? per terahash|joules? per terahash/, exclude: /global|network|target|chip|model|%|percentage|improvement/ },
  { metric: 'power_capacity', value: 'mw', match: /\b(power|energy|electrical|operating|energized|developed|total)\s+capacity\b|\bcapacity \(mw\)/, exclude: /usage|consum|utiliz|contracted|pipeline|planned|target|under construction|expansion|hosting|under management|managed|managing/, confidence: 0.6 },
  // ---- costs
  { metric: 'cost_per_btc', value: 'usd_per_btc', basis: 'company_defined', match: /\bcost\b.*\baccelerated depreciation\b/, exclude: /%|percentage|per (kwh|th)|hosted|hosting|revenue|^accelerated depreciation per/ },
  { metric: 'cost_per_btc', value: 'usd_per_btc', basis: 'incl_depreciation', match: /\bcost\b.*\b(including|incl\.?|with)\b.*\bdepreciation\b/, exclude: /%|percentage|per (kwh|th)|hosted|hosting|revenue|excluding/ },
  { metric: 'cost_per_btc', value: 'usd_per_btc', basis: 'all_in', match: /\ball[- ]in\b.*\bcost\b.*\b(per|to mine|of mining)\b|\ball[- ]in cost per (bitcoin|btc)/, exclude: /%|percentage|per (kwh|th)|hosted|hosting|revenue|power cost/ },
  { metric: 'cost_per_btc', value: 'usd_per_btc', basis: 'cash', match: /\bcash cost\b.*\b(per|to mine|of mining)\b/, exclude: /%|percentage|per (kwh|th)|hosted|hosting|revenue/ },
  { metric: 'cost_per_btc', value: 'usd_per_btc', basis: 'electricity', match: /\b(net\s+)?(electricity|energy|power)\s+costs?\s+\(?per\s+(bitcoin|btc)|\bcost of (energy|electricity|power) per (bitcoin|btc)/, exclude: /%|percentage|per (kwh|th)|hosted|hosting|revenue|non[- ]energy/ },
  { metric: 'cost_per_btc', value: 'usd_per_btc', basis: 'company_defined', match: /\bweighted average cost of mining\b/, exclude: /%|percentage|hosted|hosting|revenue/ },
  { metric: 'cost_per_btc', value: 'usd_per_btc', basis: 'direct', match: /\bdirect (energy )?cost\b.*\b(per|to mine|of mining)\b|\bcost to mine (one|a|each) (bitcoin|btc)\b|\bdirect cost per (bitcoin|btc)/, exclude: /%|percentage|per (kwh|th)|hosted|hosting|revenue|depreciation per|financing costs? per/ },
  { metric: 'cost_per_btc', value: 'usd_per_btc', basis: 'company_defined', match: /\b(production )?cost (per|of mining (one|a|each)|to (mine|produce) (one|a|each)) (bitcoin|btc)\b|\bcost per (bitcoin|btc) (mined|produced)\b/, exclude: /%|percentage|per (kwh|th)|hosted|hosting|revenue|depreciation|financing|other direct|non[- ]energy/ },
  { metric: 'energy_cost_per_kwh', value: 'usd_per_kwh', match: /\b(cost|price) per kwh\b|\bpower (cost|price)\b|\b(electricity|energy) (cost|price)s? per\b|\/kwh|per kwh|\b(cost|price) of (electricity|power|energy)\b.*(\$\s*\/\s*mwh|per mwh)/, exclude: /hosting fee|hosted|revenue|credits?/, confidence: 0.8 },
  // ---- revenue
  { metric: 'mining_revenue', value: 'usd', match: /\b(bitcoin |btc |self[- ])?mining revenues?\b|\brevenues? from (bitcoin |self[- ])?mining\b/, exclude: /hosted|hosting|cloud|per (bitcoin|btc)|%|percentage|cost|expense|owned|average|\bother\b/ },
];

/** Prose: keyword families for a count of BTC, nearest keyword to the figure wins. */
export const PROSE_BTC_KEYWORDS: { metric: Metric; re: RegExp; confidence?: number }[] = [
  { metric: 'btc_held_pledged', re: /\b(pledged|collateral(ized)?|posted as collateral|held as collateral|restricted)\b/gi },
  { metric: 'btc_held_receivable', re: /\breceivables?\b/gi },
  { metric: 'btc_held_loaned', re: /\b(loaned|lent|on loan|lending(?: out)?)\b/gi },
  { metric: 'btc_sold', re: /\b(sold|sell|sells|selling|sale|sales|liquidat\w*|divest\w*|converted|disposed|disposals?|offload\w*|dump(?:s|ed|ing)?)\b/gi },
  { metric: 'btc_purchased', re: /\b(purchased|purchase|purchases|bought|buy|buys|acquired)\b/gi },
  { metric: 'btc_held', re: /\b(held|hold|holds|holding|holdings|treasury|hodl|on hand|reserves?|balance|inventory|(?:end(?:ed|ing)?|exit(?:ed|ing)?|finish(?:ed|ing)?|clos(?:ed|ing)) (?:the )?(?:year|month|quarter|period) with|end(?:ed|ing) (?:19|20)\d\d with)\b/gi },
  // "self-mined bitcoin reserves", "self-mined bitcoin held in custody" describe holdings
  { metric: 'btc_produced', re: /\b((?<!self-)mined|mine|mines|mining|produce|produced|produces|producing|production|earned|earns|earning|self-mined(?!\s+(?:bitcoins?\s+|btc\s+)?(?:in\s+(?:its\s+|our\s+|the\s+)?)?(?:reserves?|holdings?|treasury|balance|held|in custody|on (?:the |its |our )?balance sheet))|generated|received)\b/gi },
];

/** Clause words that mean the coins are not the company's own production. */
export const PROSE_NOT_SELF_MINED = /\b(customers?|clients?|hosting|(?<!self-)hosted|cloud|on behalf|power sales?|equivalent|network|industry|global|per day|daily|a day|per block|block rewards?|per eh|per exahash|miners\b|machines|rigs|halving|subsidy|pool operator|halvings?|fees?)\b/i;

/** Clause words that make a figure a plan, not a fact. */
export const FORWARD_LOOKING = /\b(expect\w*|target\w*|anticipat\w*|goal|guidance|plan(s|ned)?|project(ed|ion)s?|forecast\w*|aim\w*|intend\w*|will|would|could|should|estimat\w*|potential(ly)?|pathway|on track|on course|into production|by (the )?(end|year[- ]end|mid)|upon completion|once (complete|energized|fully)|outlook|scheduled|capable of reaching|up to|future|on (?:our|its|their|the) way|towards? achieving|in pursuit of|focus(?:ed|ing)? on (?:expanding|growing|reaching|scaling|increasing)|predicted|set to|over the (?:coming|next|following) (?:few )?(?:weeks|months|quarters)|to be (?:installed|deployed|energized|delivered|commissioned))\b/i;

/** Values right after these are changes, not levels ("an increase of 1,200 BTC"). */
export const DELTA_BEFORE = /\b(increase[sd]?|decrease[sd]?|grew|growth|rose|fell|declined?|up|down|more|fewer|less|change|added|adding|additional|(?<!\bfollowed\s)by|improvement)\s+(of\s+|by\s+)?(approximately\s+|about\s+|~\s*)?$/i;

/** Where a sentence turns to a comparison: figures after it belong to another period. */
export const COMPARISON_SPLIT = new RegExp(
  // "1,514 Bitcoin mined (1,347 Bitcoin in Q2 FY25)": a compared figure in parentheses
  // … "9.7 EH/s (the figure was 3.1 EH/s as of December 31, 2021)"
  String.raw`\s*\((?=\s*(?:the|that)\s+(?:figure|number|level|total)\s+(?:was|stood\s+at)\s)|` +
  String.raw`\s*\((?=\s*(?:~|approx\.?\s*)?(?:US)?\$?\d[\d.,]*\s*(?:million|billion)?\s*(?:bitcoins?|btc|eh\/s|exahash\w*|j\/th|w\/th|mw)?\s+(?:in|for|during|at|as of|on)\s)|` +
    String.raw`\s*(?:,|;)?\s*\b(?:as\s+)?(?:compared\s+(?:to|with)|versus|vs\.?|up\s+from|down\s+from|an?\s+(?:increase|decrease|rise|decline)\s+from|` +
    String.raw`from\s+(?:the\s+|its\s+|a\s+)?(?:(?:record|previous|prior)\s+)?(?:(?:approximately|about|around|nearly|roughly|just|only)\s+)?(?=[~$]?\d|(?:US|C|A)\$\s?\d)|` +
    // "a 2% decrease from November", "spiked by 20.5% from April" (not a range "from October 1, 2022 to …")
    String.raw`from\s+(?:the\s+(?:month\s+of\s+)?)?(?=(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?![a-z])(?!\s+\d{1,2}\b))|` +
    // "a 26% improvement from Q1 2024", "up from 6.5 EH/s in Q1 2024"
    String.raw`from\s+(?:the\s+)?(?=q[1-4]\b|[1-4]q\s?['’]?\d{2}\b|(?:first|second|third|fourth)\s+quarter\b|(?:prior|previous)[- ]year\b|same\s+(?:period|quarter|month)\b)|` +
    // "an increase of 26% over September's production", "up 5% over the prior month"
    String.raw`over\s+(?:the\s+)?(?=(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*['’]s\b|(?:prior|previous|last)\s+(?:month|quarter|year)\b|same\s+(?:period|quarter|month)\b|q[1-4]\s*['’]?\d{2,4}\b|[1-4]q\s*['’]?\d{2}\b|(?:first|second|third|fourth)\s+quarter\b)|` +
    // "a 37.5% increase over the 1,404.4 BTC mined in Q2": a figure compared
    String.raw`(?:increase|decrease|rise|decline|gain|drop|jump|improvement|growth)\s+over\s+(?:the\s+|its\s+)?(?=[~$]?\d|(?:US|C|A)\$\s?\d)|` +
    // "blocks won rose 32% over April": a share over a month compared
    String.raw`(?<=%\s{0,3})over\s+(?=(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?![a-z]))|` +
    // ", almost doubling what we mined last year"
    String.raw`(?:almost\s+|nearly\s+|more\s+than\s+)?(?:doubling|tripling|quadrupling|halving)\s+(?=what|that|the|its|our|from)|` +
    String.raw`relative\s+to|against|while|whereas|(?:consistent|in[\s-]+line|flat|level)\s+with|similar\s+to|unchanged\s+from|(?:fewer|more|less|lower|higher)\s+than(?!\s+(?:approximately\s+|about\s+)?[\d,]+\s+(?:[\w-]+\s+){0,2}(?:miners|machines|rigs|asics|units|servers|sites|facilities|gpus|employees)\b)|(?:(?:just|slightly|a\s+little|a\s+bit|well)\s+)?(?:below|above)(?=\s+(?:the\s+)?[~$]?\d)|prior\s+(?:month|year|quarter)|previous\s+(?:month|year|quarter))(?:\b|(?=[~$]))`,
  'gi',
);

/**
 * Where a comparison ends and the sentence's own statements resume: ", and sold 362 BTC", and
 * "from 10.3 EH/s to 10.9 EH/s" (the figure moved to is the sentence's own), and the end of a
 * compared figure in parentheses ("$36.5 million ($28.9 million in Q2 FY25), driven by …"), and a
 * new figure after the comparison (", with mining costs rising to $48,992 per bitcoin", ", resulting in
 * the production of 616 Bitcoin", ", bringing its total to …").
 */
export const CLAUSE_RESUME = /,?\s+(?=despite\b)|,\s+(?=resulting\s+in\b|which\s+resulted\s+in\b|bringing\b|reflecting\b|generating\s+(?:approximately\s+|about\s+|~\s*)?\$)|,\s+(?=with\s+(?:[\w-]+\s+){0,4}(?:costs?|revenues?|holdings|production|efficiency|hash\s?rate|proceeds|prices?)\s+(?:rising|rose|falling|fell|climbing|increasing|decreasing|declining|improving|reaching|totall?ing|of|at)\b)|,\s+(?=(?:on|with|driven by|supported by|helped by)\s+(?:a|an|the|its|our|their)\s+(?:[\w%-]+\s+){0,6}(?:hash\s?rate|fleet|capacity)\b)|(?<=\((?:~|approx\.?\s*)?(?:US)?\$?\d[^()]{0,80})\)(?=[\s,;])|(?<=\bfrom\s+(?:approximately\s+|about\s+|~\s*)?\$?\d[\d.,]*(?:\s*(?:million|billion|thousand|[kmb]))?(?:\s*(?:eh\/s|ph\/s|j\/th|w\/th|mw|btc|bitcoins?|exahash\w*|per\s+(?:bitcoin|btc|coin)))?(?:\s+(?:in|at|as\s+of|on|for|during)\s+[\w ,.'’-]{1,30}?)?)\s+(?=to\s+(?:approximately\s+|about\s+|~\s*)?[~$]?\d)|,?\s+and\s+(?:it\s+|we\s+|the\s+company\s+)?(?:also\s+)?(?=(?:reported|sold|mined|produced|earned|held|holds|purchased|bought|acquired|ended|reached|achieved|generated|exited|self-mined|reduced|lowered|cut|improved|increased|decreased|grew|expanded|raised|recorded|realized|averaged|maintained)\b)|,\s+(?=(?:the\s+company|we|it)\s+(?:also\s+)?(?:(?:just|only)\s+)?(?:mined|produced|sold|earned|held|holds|purchased|bought|acquired|generated|self-mined)\b)|;\s+(?=[a-z])|,\s+(?=now\b|which\s+(?:pushed|pushes|brought|brings|took|takes|lifted|lifts|raised|raises|put|puts|left)\b)|,?\s+and\s+(?=(?:[\w-]+\s+){1,5}(?:rose|increased|grew|fell|declined|decreased|dropped|was|were|reached|stood|totall?ed|climbed|improved|remained|edged|slipped)\b)/gi;
