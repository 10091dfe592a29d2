/**
 * English function words and the filler every conflict narrative shares. They carry no theme, so they
 * are neither features nor parts of a phrase. The first block is the usual English stop list (as in
 * scikit-learn's, trimmed of words that can name a problem, such as "bill", "fire" or "empty").
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above across after afterwards again against all almost alone along already also although always am among amongst
  an and another any anyhow anyone anything anyway anywhere are around as at back be became because become becomes becoming
  been before beforehand behind being below beside besides between beyond both but by can cannot could couldn did didn do
  does doesn doing don done down due during each eg either else elsewhere enough etc even ever every everyone everything
  everywhere except few first for former formerly from further get gets getting go goes going got had hadn has hasn have
  haven having he hence her here hereafter hereby herein hereupon hers herself him himself his how however i ie if in indeed
  into is isn it its itself just keep keeps kept last latter latterly least less let lets like ll made many may me meanwhile
  might mine more moreover most mostly much must my myself namely neither never nevertheless next no nobody none noone nor
  not nothing now nowhere of off often on once one only onto or other others otherwise our ours ourselves out over own
  per perhaps please put rather re really s same say says said see seem seemed seeming seems several she should shouldn
  since so some somehow someone something sometime sometimes somewhere still such t than that the their theirs them
  themselves then thence there thereafter thereby therefore therein thereupon these they this those though through
  throughout thru thus to together too toward towards under until up upon us ve very via was wasn we well were weren what
  whatever when whence whenever where whereafter whereas whereby wherein whereupon wherever whether which while whither who
  whoever whole whom whose why will with within without won would wouldn yet you your yours yourself yourselves
  also am ok okay yes yeah lot lots bit quite way ways thing things told tell asked ask came come comes want wanted wants
  went go make making take took taken give gave given try tried trying felt feel feels able time times day days week weeks
  today yesterday tomorrow morning afternoon evening minutes hour hours customer customers employee employees staff
  colleague colleagues told explained mentioned apparently clearly again end later soon`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Number words: they help tell themes apart ("sixty days", "one till open") but make poor labels on
 * their own ("six", "called three"), so labels skip phrases that hold one.
 */
export const NUMBER_WORDS: ReadonlySet<string> = new Set(
  'two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty sixty hundred'.split(' '),
);
