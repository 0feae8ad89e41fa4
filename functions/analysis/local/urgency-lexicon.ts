import { defineLexicon } from './cue-lexicon.js';

/** What a time cue says about how soon someone must act. */
export type UrgencyCue = 'pressing' | 'hurry' | 'churn' | 'nearTerm' | 'deadline' | 'openIssue' | 'repeat' | 'severe' | 'nextTime' | 'calm';

/**
 * Urgency cues. `pressing` and `churn` (a threat to leave, sue or escalate) make a message high on
 * their own; `hurry` (尽快, ASAP) too unless the message names a later date ("尽快排产，我们月中要用"
 * is medium); `nearTerm` (today, tomorrow) only when the same clause says it is needed then
 * ("明天早上就要用料" yes, "明天的会议改到下午" no); `deadline` and `openIssue` make it medium;
 * `repeat` escalates a complaint; `calm` ("不着急", "no rush") keeps a plain request low.
 * Weights are unused here: the class decides.
 */
export const URGENCY_LEXICON = defineLexicon<UrgencyCue>({
  pressing: [
    [1, 'right now|this minute|立刻马上|快一点|快点|加快|产线停|产线已经停|线停了|整条线|production is down|line is down|plant is down|=急|缺料'],
    [1, '断料|等料|提前发货|提前交货|提前到|紧急|加急|急需|急用|急件|十万火急|马上|立即|立刻|火速|停线|停产|停机|今天之内|今天内|今日内|今天下班前'],
    [1, '明天之前|明天前|明早前|一小时内|刻不容缓|很急|非常急|特急|挺急|比较急|有点急|急着|催了好几次|着急|急死|urgent*|immediately|right away'],
    [1, 'time-sensitive|time sensitive|time critical|high priority|out of material|run out of|ran out of'],
    [1, 'expedite*|rush*|emergency|line stop*|line down|production stop*|stop production|shut down|shutdown'],
    [1, 'end of day|eod|within 24 hours|by today|by tomorrow|before tomorrow|top priority|as fast as possible'],
    [1, 'no later than today|no later than tomorrow|without delay|running out|没料了|没料|用完了|快用完|库存不够|撑不到|等不了|等不起|现在就要|现在就需要|必须有人到|必须来人|马上来人|快停了|快停线'],
    [1, '要停线|line on hold|production on hold|line is on hold|宕机|hold production|hold the production|hold off production|put production on hold'],
    [1, 'standing idle|sitting idle|are idle|停工待料|干等|工人都在等|先别生产|先不要生产|先别发|先不要发|暂停发货|暂停生产|hold the shipment|stop the shipment|don\'t ship'],
    [1, 'do not ship'],
  ],
  hurry: [
    [1, '尽快|赶紧|赶快|越快越好|尽早安排|抓紧|就要用|就要上线|等着用|等着上线|就要投产|要投产|等着投产|等着生产|就要生产|等着复产|等着开工|asap|a.s.a.p|as soon as possible|as soon as you can'],
    [1, 'at the earliest|quickly as possible|hurry'],
  ],
  churn: [
    [1, 'threaten*|cancel their program|cancel the program|cancel the project|重新考虑|要重新考虑|考虑其他供应商|考虑别的供应商|换供应商|换一家'],
    [1, '不再合作|停止下单|不再下单|停止采购|终止合作|暂停合作|失去耐心|取消订单|取消合同|走法律|律师|起诉|最后一次机会|considering other suppliers'],
    [1, 'consider other suppliers|switch supplier*|cancel the order|cancel our order|cancel the contract'],
    [1, 'legal action|lawyer*|final warning|last chance|terminate the|stop ordering|stop buying'],
    [1, 'take our business elsewhere|reconsider*|review our partnership|losing patience|lost patience'],
    [1, '没法合作|无法合作|不能合作|合作不下去|后果你们负责|后果自负|后果由你们'],
    [1, 'your gm|your ceo|your general manager|your director|your president|你们老总|你们总经理'],
    [1, 'last warning|we will cancel|cancel all open'],
    [1, 'reviewing our supplier*|review our supplier*|supplier panel|looking at alternatives|alternative supplier*|另找供应商|找别家|别家'],
    [1, 'reserve the right|claim damages|liquidated damages|保留追究|追究责任|法律责任'],
    [1, 'run out of patience|escalat*|your management|your manager|your boss|higher management|senior management|or we will|or we\'ll|otherwise we'],
    [1, '向上反映|找你们领导|找你们老板|找你们老总|找你们经理|投诉到|曝光|上报公司|否则我们|否则将|否则就|不然我们|要不然我们|再不处理|再不解决|再不回复'],
  ],
  nearTerm: [
    [1, '今天|今日|今晚|明天|明早|today|tonight|tomorrow|this afternoon|this morning|by noon|before noon|中午前|中午之前'],
  ],
  deadline: [
    [1, '截止|截止日期|最晚|最迟|尽早|近期|请安排|麻烦安排|能否安排|安排生产|安排发货|安排更换|安排上门|安排维修|安排补发|安排人|before we can|arrange pickup|arrange the pickup|arrange collection'],
    [1, 'ready for pickup|ready to ship|ready for shipment|货已备好|已备好货|可以提货|before we could|请开|麻烦开|帮忙开|开一下|请排产|派人来看|派人过来|deadline'],
    [1, 'no later than|at the latest|at your earliest convenience|earliest convenience|in time for|soon'],
    [1, 'please arrange|please ship|please schedule|please dispatch|please deliver|please send the missing'],
    [1, 'within a week|set up a call|set up a meeting|arrange a call|arrange a meeting|arrange a visit|send someone'],
  ],
  openIssue: [
    [1, 'we are seeing|we\'re seeing|splay|please correct|correct it|needs to be corrected|amend the invoice|裂纹'],
    [1, '声音很大|重新开|作废|红字|returned our|didn\'t match|does not match|doesn\'t match|mismatch|double-check|=裂|老是|总是'],
    [1, 'investigation report|还是有|仍然有|依然有|多付|少付|退回|抵扣|结块|流纹|还有什么办法|有什么办法|怎么解决|贴错|标错|发错|深浅不一|跳闸|still have|still has'],
    [1, 'still see|where are the|how to solve|how can we fix|overpaid|underpaid|rework|deduct*|还没收到|还没到|还没有收到|未收到'],
    [1, '没收到|迟迟|至今|还在等|等了|催一下|什么时候能|什么时候可以|何时能|多久能|故障|错误|开裂|裂了|失灵|不合格|报错|坏了|漏水|不制冷|不制热|异响|褪色|变形|少了|少发|漏发|错发|破损|写错'],
    [1, '错了|不对|有问题|出问题|质量问题|重新开具|重开|更正|在催|催了|催促|到哪了|缩水|断了|解决不了|卡死|卡住|核对一下|核实一下|麻烦核对|请核对|欠款|银纹|毛刺|气泡|缩痕|翘曲|黑点|杂质|断裂'],
    [1, '噪音|受潮|污染|压坏|拒收|不良|haven\'t received|have not received|not received|still waiting|still not|when can'],
    [1, 'when will|how soon|overdue|chasing|failed|failure|defect*|not working|broken|crack*|leak*|missing|wrong'],
    [1, 'damaged|error*|incorrect|short-shipped|reissue|correct the|unpaid|not paid|outstanding|torn|contaminat*'],
    [1, 'noise|noisy|malfunction*|fault*|reject*|stopped working|heard nothing|warpage|please check|please verify'],
    [1, 'double charge|overcharg*|credit note|in a row|resend|re-send|send it again|send again|look into|investigate|discrepanc*'],
    [1, '重新发|再发一次|再发一份|补发一下|查一下|查查|查一查|核查|对不上|不符|差异|排查|分析原因|原因分析|处理一下|跟进一下|石沉大海|没有下文|没下文|联系不上|联系不到'],
    [1, '达不到|不达标|没达到|低于标称|低于标准|below spec|below the spec|does not meet|doesn\'t meet|did not meet|didn\'t meet|fails to meet|don\'t fit'],
    [1, 'doesn\'t fit|do not fit|does not fit'],
    [1, 'punctur*|pierced|see attached photo*|attached photo*|photos attached|照片已发|照片发你|温度过高|报保护|slipped|has slipped'],
    [1, 'do not respond|does not respond|doesn\'t respond|don\'t respond|not responding|unresponsive'],
    [1, 'sink mark*|flow mark*|weld line*|silver streak*|our parts show|parts show'],
    [1, '自动关机|关机|死机|黑屏|过热|overheat*|派个师傅|派师傅|impossible|不合理|排不开|blocked'],
    [1, '焊不牢|不牢|是不是料的问题|料的问题|material issue|raise a concern|concern about|concerns about|颜色深了|颜色浅了'],
    [1, 'don\'t match|do not match|湿的|淋雨|进水|潮湿|压了|卡着|卡在|没反应|没有反应|无反应|也不行|错的|发了个错|寄两个新的|寄几个新的|寄新的|寄个新的'],
    [1, '破了|撒出来|撒了|漏出来|alarm*|报警|告警|please explain|explain this|解释一下|way off|send a service engineer|send an engineer|send a technician'],
    [1, 'dispatch a technician'],
    [1, '碎了|碎裂|破裂|一碰就裂|的办法|解决办法|改善办法|能不能改善|看看能不能改善|需要改善|请改善|不出风|不让进|shatter*|broke|breaks|breaking'],
    [1, 'was returned|were returned|been returned|bounced|returned by|被退回|退回来了|we are getting|we\'re getting|we are having|we\'re having'],
    [1, 'we are experiencing|we\'re experiencing|we keep getting'],
    [1, 'we have an issue|we have a problem|short shot*|burn mark*|black spot*|delamination|麻点|does not comply|doesn\'t comply|non-conform*'],
    [1, '不匹配|装不上|refund*|退款|退还|duplicate|correct ones|right ones|流痕|料花|水花|气纹|发白|脱皮|分层|烧焦|飞边|披锋|粘模|偏黄|偏色|颜色不对|还有什么建议|怎么改善|如何改善|how to fix'],
    [1, 'how do we fix|any suggestion*|what do you suggest|warp*|sitting at'],
  ],
  repeat: [
    [1, 'second batch|third batch|又一批|每次都|从来没|从来不|never once|every time|each time|又是|又有|又出|又坏|又破|又来|一推再推|推了又推|一再|一直|多次|再次|=又|第三次|第二次|三次|好几次|几次了|三遍'],
    [1, '好几遍|说了多少次|同样的问题|天天|每天都|反复|屡次|拖了|一周了|好几天|几天了|again'],
    [1, 'third time|second time|repeatedly|still|for a week|for days|for weeks|multiple times|several times'],
    [1, 'three times|same problem|same issue|every day|many times|times already'],
    // Spans that contain a cue but are not one: they claim the text and count nothing.
    [0, 'could have damaged|might have damaged|may have damaged|could damage|might damage|可能会损坏|可能损坏|断裂伸长率|断裂强度|elongation at break'],
    [0, 'tensile strength at break|please ship via|ship it via|ship via|请走海运|请走空运|一直以来|没错|thanks again|thank you again|still valid|still available'],
    [0, 'still in stock|still supply'],
  ],
  calm: [
    [1, '不着急|不急|不用急|不赶|慢慢来|有空的时候|有空时|有空再|方便的时候|方便时|不紧急|not urgent|no rush|no hurry|not in a hurry|whenever|when you have time'],
    [1, 'when you get a chance|at your convenience|no pressure|not time-critical|low priority|别着急|不用着急|不必着急|no urgency|not a priority|no need to rush|no need to hurry'],
    // An out-of-office note names urgency without having any: "for urgent matters please contact…".
    [1, 'for urgent matters|for anything urgent|if urgent|if it is urgent|in case of emergency|for emergencies|如有急事|有急事|紧急事项请|紧急情况请'],
  ],
  // Feedback for future orders ("下次请用加厚的袋子") or a problem called minor ("问题不大"): nothing to fix now.
  nextTime: [
    [1, '问题不大|不影响使用|影响不大|no big deal|not a big deal|minor issue|希望下次|下次能|下次改进|下次请提前|希望你们控制好|控制好稳定性|还是希望你们|from now on|以后都|今后都|please improve'],
    [1, 'improve the|as agreed with|as discussed with|已和贵司|已经和你们'],
    [1, '下次请|下次注意|下次要|以后请|以后注意|next time|in future|in the future|going forward|for future orders'],
  ],
  // Harm that already reached the customer's own customer or their money: escalates like two repeats.
  severe: [
    [1, '良品率|良率掉|yield dropped|谁来负|责任谁|损失很大|损失惨重|重大损失|big loss|heavy loss|huge loss|客户退货|客户拒收|客户投诉|被客户罚款|被罚款|罚款|索赔'],
    [1, '召回|整批报废|our customer rejected|customer rejected|rejected by our customer|recall|penalt*|production loss'],
    [1, '都打坏了|打坏了|打坏|模具坏|damaged our mold*|damaged the mold*|损坏模具|生产计划都排好了|都排好了|整批|全部不能用|全部报废|entire batch|whole batch|entire lot|whole lot|要求退货'],
    [1, '要求退款|要求赔偿|客户很生气|客户很不满|客户非常不满'],
    [1, '损失|承担|quality alert|containment|暂停使用|停止使用|停用'],
    [1, 'losing money|lose money|losing customers|every day we lose|costing us|每天都在损失|每天损失|停工损失|客户要索赔|客户索赔'],
    [1, 'demurrage|detention charge*|storage charge*|storage fee*|滞港费|滞箱费|压港|堆存费|仓储费'],
  ],
});
