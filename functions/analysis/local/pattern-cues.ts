import type { PatternCue } from './cue-lexicon.js';
import type { IntentCategory } from './intent-lexicon.js';

/**
 * Complaints that use no complaint word: rhetorical blame ("你们这样随意改交期，我们怎么跟客户交代？",
 * "how can you…", "现在怎么办"), things still not done ("到现在都没有回复"), promises and agreements
 * broken ("not the quality we agreed on", "答应的价格和合同上的不一样"), demands ("we expect
 * compensation"), chronic inconsistency ("keeps missing dates", "时好时坏"). Each match counts as a
 * complaint cue and as negative feeling.
 */
export const BLAME_PATTERNS: readonly PatternCue<'blame'>[] = [
  { tag: 'blame', weight: 3, name: '你们…到底/随意', pattern: /(?:你们|贵司|你司)[^，。！？,.!?；;\n]{0,12}(?:到底|究竟|凭什么|随意|随便|怎么能|怎么可以|总是|老是|一再|屡次|是怎么做的|怎么做的|怎么管的|怎么检验的)/g },
  { tag: 'blame', weight: 3, name: '怎么跟客户交代', pattern: /怎么(?:跟|向|和|给)(?:我们的?)?(?:客户|老板|领导)交代/g },
  { tag: 'blame', weight: 2.5, name: '到现在都没有', pattern: /(?:到现在|至今|到今天|到目前为止)(?:都|还|也|仍)?(?:没|没有|未)(?!有?(?:出过?|再出现过?|发生过?|坏过?)?(?:任何)?(?:问题|毛病|故障|投诉))/g },
  { tag: 'blame', weight: 2.5, name: '还是没有解决', pattern: /(?:还是|仍然|依然|一直)(?:没有|没|不|未)(?:解决|处理|回复|答复|回音|消息|改善)/g },
  { tag: 'blame', weight: 3, name: '能不能认真一点', pattern: /(?:认真一点|认真点|用点心|上点心|负点责任|专业一点)/g },
  { tag: 'blame', weight: 3, name: '这不是…吗', pattern: /这不是[^，。！？,.!?]{0,8}吗/g },
  { tag: 'blame', weight: 3, name: 'how can you', pattern: /\b(?:how (?:can|could) you|why (?:do|did|does) you (?:keep|always)|every single time|yet again|in a row)\b/g },
  { tag: 'blame', weight: 3, name: 'not what we agreed', pattern: /\bnot (?:the|what)(?: \w+)? we (?:agreed|ordered|paid for|specified|expect(?:ed)?)\b/g },
  { tag: 'blame', weight: 2.5, name: 'you promised…', pattern: /\b(?:you|your \w+|salesman|sales rep) promised\b|\bit has (?:now )?been \d+ (?:days|weeks|months)\b|\bwhy (?:weren't|wasn't|didn't|haven't|hasn't) (?:we|you|anyone)\b|(?:怎么|如何|作何)解释|为什么(?:不|没有?)通知|\b(?:promised|you said|you told us|(?:was|were) supposed to)\b[^.!?]{0,40}\b(?:still|but|and)\b|\bstill nothing\b|\bnothing yet\b/g },
  { tag: 'blame', weight: 3, name: '还管不管', pattern: /(?:还)?管不管|理不理(?:我们)?|有没有人管|还有没有人|说了多少(?:遍|次)|服了|(?:主动|积极|靠谱|用心|上心)一?点|(?:都|不是|明明)说(?:了|好了?)(?:的)?|每次都要催|每次都得催/g },
  { tag: 'blame', weight: 3, name: '这就是你们的…', pattern: /这就是(?:你们|贵司|你司)的|这样(?:做生意|做事|合作)|(?:不太好|不合适|说不过去)吧/g },
  { tag: 'blame', weight: 3, name: '说涨就涨', pattern: /说(涨|变|改|停|取消|调)就\1|一点[^，。,！？!?]{0,6}都(?:不|没)(?:给|有)|我们(?:的[^，。,]{0,6})?(?:还|又)?怎么(?:控制|办|生产|交代|做下去|活)/g },
  { tag: 'blame', weight: 3, name: 'your driver damaged', pattern: /\byour (?:\w+ ){0,2}(?:damaged|broke|ruined|scratched|hit|lost)\b|\b(?:way|completely|totally) off\b|\bclearly not\b/g },
  { tag: 'blame', weight: 3, name: '错的型号', pattern: /错的?(?:型号|货|料|颜色|规格|牌号)|(?:型号|规格|颜色|牌号)(?:不对|错了|搞错)|(?:现在|这可|让我们|叫我们)怎么办/g },
  { tag: 'blame', weight: 3, name: 'we expect compensation', pattern: /\bwe (?:expect|demand|require) (?:you to |a |full |immediate )?(?:compensat|refund|cover|credit|reimburs|pay for)/g },
  { tag: 'blame', weight: 3, name: 'keeps missing dates', pattern: /\bkeeps? (?:missing|failing|being late|delaying|forgetting|changing|sending the wrong)\b|一会儿好一会儿坏|时好时坏|忽好忽坏/g },
  { tag: 'blame', weight: 3, name: 'not how partners treat', pattern: /\b(?:not how|is this how) (?:\w+ ){0,2}treat|这就是你们对待|就这样对待|这样对待(?:我们|客户)/g },
  { tag: 'blame', weight: 3, name: '答应的…不一样', pattern: /(?:答应|承诺|说好|约定|讲好)(?:的|了的)[^，。！？,.!?；;\n]{0,16}(?:不一样|不一致|不符|对不上|变了|没有|没|不是)/g },
  { tag: 'blame', weight: 2, name: '到底…？', pattern: /到底[^，。！？,.!?；;\n]{0,10}[?？]/g },
  { tag: 'blame', weight: 3, name: 'losing patience', pattern: /\b(?:losing|lost|run(?:ning)? out of) (?:our )?patience\b|\bno explanation\b|失去耐心|没有耐心/g },
];

/**
 * Facts gone wrong that no phrase list covers: goods short of what was sent ("only 14 of the 16
 * pallets", "只到了12托"), papers that disagree, a unit showing a fault code ("外机报E6"). Trouble
 * for sentiment, an open issue for urgency.
 */
export const SHORTFALL_PATTERNS: readonly PatternCue<'trouble'>[] = [
  { tag: 'trouble', weight: 2, name: 'only N of M', pattern: /\bonly (?:about |around )?(?:half|\d+%) of\b|只有[^，。,；;]{0,8}(?:的一半|一半)|\bonly (?:received |got )?\d+ (?:of|out of) (?:the )?\d+\b|\bwhere (?:are|is) the (?:other|rest|remaining|missing)\b/g },
  { tag: 'trouble', weight: 2, name: '只到了N', pattern: /只(?:到了?|收到了?|来了)\s?\d+|还差\s?\d+|少了\s?\d+/g },
  // Two documents or counts that disagree: "the delivery note says 22 t but the weighbridge shows 21.3".
  { tag: 'trouble', weight: 2, name: 'says X but shows Y', pattern: /\b(?:says|shows|states|reads) [^.;!?]{1,40}\bbut (?:the |our |your |we |it )?(?:[a-z]+ )?(?:shows?|says|reads|only|weighs|measured|counted|found)\b|\b(?:instead of \d+ ?)?\d* ?(?:pallets?|bags?|tons?|t|mt|pcs|pieces|units|boxes|cartons|kg|drums|rolls) instead of \d+\b|\binstead of \d+ ?(?:pallets?|bags?|tons?|t|mt|pcs|pieces|units|boxes|cartons|kg|drums|rolls)\b/g },
  { tag: 'trouble', weight: 2, name: '报E6', pattern: /(?:报|显示|出现|亮|shows?|showing|displays?|displaying)\s?(?:错误|故障|error|fault)?\s?(?:代码|码|code)?\s?[efhpu]\d{1,2}(?![0-9a-z])/g },
  { tag: 'trouble', weight: 2, name: '对不上', pattern: /对不上|(?:和|与|跟)[^，。,；;！？!?]{1,15}(?:不一样|不一致|不符|对不上)/g },
];

/**
 * Waiting and chasing that no phrase list covers: "for two weeks", "等了三天", "hasn't received the
 * invoice yet". `repeat` escalates an unhappy message; `openIssue` makes a request medium.
 */
export const WAITING_PATTERNS: readonly PatternCue<'repeat' | 'openIssue' | 'deadline'>[] = [
  // Asking to move a delivery ("能不能晚一周发", "postpone the shipment"): a schedule change to arrange.
  { tag: 'deadline', weight: 1, name: '晚一周发', pattern: /(?:能不能|能否|可否|可不可以|可以|请|麻烦)[^，。？?]{0,4}(?:提前|推迟|延后|延迟|晚|推后)(?:\d+|[一两二三四五六七八九十几])(?:个)?(?:天|周|星期|礼拜|月)(?:再)?(?:发|到|交|送|出货|发货|交货|到货)|\b(?:postpone|push back|bring forward|pull in|delay) (?:the |our |this )?(?:shipment|delivery|dispatch|order)\b/g },
  { tag: 'repeat', weight: 1, name: 'for N days', pattern: /\b(?:for|over|in) (?:over |more than |almost |nearly )?(?:\d+|two|three|four|five|six|several|many|a few) (?:days|weeks|months)\b/g },
  { tag: 'repeat', weight: 1, name: 'sent N emails', pattern: /\b(?:sent|emailed|called|asked|written|chased|reminded)(?: you| them)? (?:\w+ )?(?:twice|\d+ times|two times|three times|several times|multiple times|many times)\b|\b(?:two|three|four|five|several|multiple|\d+) (?:emails|calls|reminders|messages|follow-ups)\b/g },
  { tag: 'repeat', weight: 1, name: '发了三封', pattern: /(?:发了|打了|催了|问了|说了|提了|反映了|联系了)(?:\d+|[两三四五六七八九十几好多])(?:封|次|遍|个电话|通电话|条)/g },
  { tag: 'repeat', weight: 1, name: '等了N天', pattern: /(?:等了|拖了|催了|过了|停了|坏了|晚了|压了|卡了|停工|停产)(?:快|近|将近)?(?:\d+|[两三四五六七八九十几半])(?:个)?(?:天|周|星期|礼拜|月)|(?:\d+|[一两三四五六七八九十几])(?:个)?(?:天|周|星期|礼拜|月)(?:了)?(?:都|还|仍|也)(?:没|不|未)/g },
  { tag: 'openIssue', weight: 1, name: "hasn't received", pattern: /\b(?:has|have|had)(?:n['’]t| not)(?: yet)? (?:received|got|gotten|seen|heard|arrived|been (?:paid|received|delivered|shipped|credited))\b|\byet to (?:receive|arrive|be paid)\b|\bnot (?:yet )?(?:arrived|been paid|credited)\b/g },
];

/** Intent cues that need a pattern: "按6月报价下单" is an order placed on a quotation, not an inquiry. */
export const INTENT_PATTERNS: readonly PatternCue<IntentCategory>[] = [
  { tag: 'order', weight: 3, name: '按…报价', pattern: /(?<!能不能|能否|可否|是否|可以|可不可以)按(?:照)?[^，。,；;！？!?]{0,8}(?:报价|价格)(?:单)?(?![^，。,；;]{0,6}[吗？?])/g },
  { tag: 'order', weight: 3, name: '再来N吨', pattern: /(?:再|还|先|追加|加)(?:来|要|订|拿|下|补)\s?(?:\d+(?:\.\d+)?|[一两二三四五六七八九十几半]+)\s?(?:吨|t\b|托|包|袋|柜|箱|个|件|台|套|kg|公斤|车|批|单)/g },
  { tag: 'delivery', weight: 2.5, name: '提前N天', pattern: /(?:提前|推迟|延后|晚)(?:\d+|[一两二三四五六七八九十几])(?:天|周|个星期)|(?:交期|货期|到货|发货|出货)(?:能不能|能否|可否|可以)?(?:提前|推迟|延后)/g },
  { tag: 'inquiry', weight: 3, name: '给个…价', pattern: /(?:给个|报个|什么|多少|优惠|便宜|最低|最好的?|年框|年度|长期|协议|批量)[^，。,；;？?！!\n]{0,4}价(?:格|钱|位)?/g },
  { tag: 'delivery', weight: 3, name: '哪天发', pattern: /(?:周几|星期几|哪天|几号|什么时候|何时|啥时候|几时)(?:能|可以|会)?(?:发|到|送|出货|发货|到货|装柜|开船)/g },
  { tag: 'inquiry', weight: 3, name: 'let us know your price', pattern: /\b(?:let us know|tell us|advise|send|give|share|offer) (?:us |me )?(?:your |the )?(?:best |latest |current |updated )?(?:price|prices|pricing|quote|quotation|offer)\b/g },
  { tag: 'inquiry', weight: 2.5, name: 'do you supply', pattern: /\bdo you (?:also )?(?:supply|sell|have|make|produce|carry)\b|你们(?:有没有|卖不卖|做不做|还有)|有没有卖/g },
  { tag: 'payment', weight: 3, name: 'pay 50% now', pattern: /\bpay(?:ing)? \d+ ?%|\d+ ?% (?:now|upfront|up front|in advance|deposit|on arrival|balance|before shipment|after)/g },
  { tag: 'inquiry', weight: 2, name: 'can you ship to', pattern: /\b(?:can|could|do) you (?:ship|deliver|supply|export) to\b|能(?:不能)?(?:发|出口|送)到(?:国外|海外)/g },
  { tag: 'after_sales', weight: 2.5, name: '寄两个新的', pattern: /寄(?:\d+|[一两二三四五几])?个?新的/g },
  { tag: 'order', weight: 3, name: 'like to order', pattern: /\b(?:like|want|need|wish|going|plan|ready) to (?:re-?)?order\b|\border (?:\d+|another|more|again)\b/g },
  { tag: 'order', weight: 2.5, name: '下一单', pattern: /下(?:一|个|两|几)次?单|每单|这一单/g },
  { tag: 'inquiry', weight: 2, name: '麻烦报价', pattern: /(?:麻烦|请|帮忙|烦请)(?:您|你们?)?(?:给个|给)?报(?:个|一下)?价/g },
  { tag: 'delivery', weight: 3, name: '分两车送', pattern: /分(?:两|几|[二三四五])(?:车|批|次|柜|趟)(?:送|发|交|运|到)?/g },
  { tag: 'order', weight: 3, name: 'place … order', pattern: /\bplac(?:e|ed|ing) (?:our|an?|the|this|my|another|a new)? ?(?:\w+ ){0,3}orders?\b/g },
  { tag: 'order', weight: 2, name: 'confirm … PO', pattern: /\bconfirm\b[^.?!]{0,25}\b(?:po|purchase order|order)\b/g },
  { tag: 'order', weight: 3, name: 'as per your quotation', pattern: /\b(?:as per|per|according to|at) (?:your|the|our) (?:\w+ )?(?:quotation|quote|offer|agreed price)\b/g },
];
