import { defineLexicon } from './cue-lexicon.js';

/** What a time cue says about how soon someone must act. */
export type UrgencyCue = 'pressing' | 'churn' | 'nearTerm' | 'deadline' | 'openIssue' | 'repeat' | 'severe' | 'nextTime';

/**
 * Urgency cues. `pressing` and `churn` make a message high on their own; `nearTerm` (today,
 * tomorrow) only when the same clause says it is needed then ("明天早上就要用料" yes, "明天的会议
 * 改到下午" no); `deadline` and `openIssue` make it medium; `repeat` escalates a complaint.
 * Weights are unused here: the class decides.
 */
export const URGENCY_LEXICON = defineLexicon<UrgencyCue>({
  pressing: [
    [1, 'right now|this minute|立刻马上'],
    [1, '快一点|快点|加快|产线停|产线已经停|线停了|整条线|production is down|line is down|plant is down'],
    [1, '=急|缺料|断料|等料|等着上线|就要上线|就要用|提前发货|提前交货|提前到|紧急|加急|急需|急用|急件|十万火急|马上|立即|立刻|尽快|赶紧|赶快|火速|停线|停产|停机|等着用|今天之内|今天内|今日内|今天下班前|明天之前|明天前|明早前|一小时内|刻不容缓|越快越好|很急|非常急|特急|催了好几次'],
    [1, 'urgent*|asap|as soon as possible|immediately|right away|expedite*|rush*|emergency|line stop*|line down|production stop*|stop production|shut down|shutdown|end of day|eod|within 24 hours|by today|by tomorrow|before tomorrow|top priority|as fast as possible|no later than today|no later than tomorrow|without delay|running out'],
  ],
  churn: [
    [1, '重新考虑|要重新考虑|考虑其他供应商|考虑别的供应商|换供应商|换一家|不再合作|停止下单|不再下单|停止采购|终止合作|暂停合作|失去耐心|取消订单|取消合同|走法律|律师|起诉|最后一次机会'],
    [1, 'considering other suppliers|consider other suppliers|switch supplier*|cancel the order|cancel our order|cancel the contract|legal action|lawyer*|final warning|last chance|terminate the|stop ordering|stop buying|take our business elsewhere|reconsider*|review our partnership|losing patience|lost patience|run out of patience'],
  ],
  nearTerm: [[1, '今天|今日|今晚|明天|明早|today|tonight|tomorrow|this afternoon']],
  deadline: [
    [1, '截止|截止日期|最晚|最迟|尽早|近期|请安排|麻烦安排|能否安排|安排生产|安排发货|安排更换|安排上门|安排维修|安排补发|安排人|请排产|安排一次|派人来看|派人过来'],
    [1, 'deadline|no later than|at the latest|at your earliest convenience|earliest convenience|in time for|soon|please arrange|please ship|please schedule|please dispatch|please deliver|please send the missing|within a week|set up a call|set up a meeting|arrange a call|arrange a meeting|arrange a visit|send someone'],
  ],
  openIssue: [
    [1, '重新开|作废|红字|returned our|didn't match|does not match|doesn't match|mismatch|double-check|=裂|老是|总是|investigation report'],
    [1, '还是有|仍然有|依然有|多付|少付|退回|抵扣|结块|流纹|还有什么办法|有什么办法|怎么解决|贴错|标错|发错|深浅不一|跳闸|still have|still has|still see|where are the|how to solve|how can we fix|overpaid|underpaid|rework|deduct*'],
    [1, '还没收到|还没到|还没有收到|未收到|没收到|迟迟|至今|还在等|等了|催一下|什么时候能|什么时候可以|何时能|多久能|故障|错误|开裂|裂了|失灵|不合格|报错|坏了|漏水|不制冷|不制热|异响|褪色|变形|少了|少发|漏发|错发|破损|写错|错了|不对|有问题|出问题|质量问题|重新开具|重开|更正|在催|催了|催促|到哪了|缩水|断了|解决不了|卡死|卡住|核对一下|核实一下|麻烦核对|请核对|欠款|银纹|毛刺|气泡|缩痕|翘曲|黑点|杂质|断裂|噪音|受潮|污染|压坏|拒收|不良'],
    [1, 'haven\'t received|have not received|not received|still waiting|still not|when can|when will|how soon|overdue|chasing|failed|failure|defect*|not working|broken|crack*|leak*|missing|wrong|damaged|error*|incorrect|short-shipped|reissue|correct the|unpaid|not paid|outstanding|torn|contaminat*|noise|noisy|malfunction*|fault*|reject*|stopped working|heard nothing|warpage|please check|please verify|double charge|overcharg*|credit note|in a row'],
  ],
  repeat: [
    [1, '一直|多次|再次|=又|第三次|第二次|三次|好几次|几次了|三遍|好几遍|说了多少次|同样的问题|天天|每天都|反复|屡次|拖了|一周了|好几天|几天了'],
    [1, 'again|third time|second time|repeatedly|still|for a week|for days|for weeks|multiple times|several times|three times|same problem|same issue|every day|many times|times already'],
  ],
  // Harm that already reached the customer's own customer or their money: escalates like two repeats.
  // Feedback for future orders ("下次请用加厚的袋子"): nothing to fix now.
  nextTime: [[1, '下次请|下次注意|下次要|以后请|以后注意|next time|in future|in the future|going forward|for future orders']],
  severe: [
    [1, '损失很大|损失惨重|重大损失|big loss|heavy loss|huge loss'],
    [1, '客户退货|客户拒收|客户投诉|被客户罚款|被罚款|罚款|索赔|召回|整批报废|our customer rejected|customer rejected|rejected by our customer|recall|penalt*|production loss'],
    // Spans that contain a cue but are not one: they claim the text and count nothing.
    [0, '一直以来|没错|不着急|不急|thanks again|thank you again|not urgent|no rush'],
  ],
});
