import { defineLexicon } from './cue-lexicon.js';

/** `negative` is feeling (失望, unacceptable); `trouble` is a fact that went wrong (少了, missing). */
export type SentimentTag = 'positive' | 'negative' | 'trouble' | 'courtesy';

/**
 * Sentiment cues. `courtesy` is the thanks that closes almost every request ("请报价，谢谢"); it
 * counts as warmth only in a message that asks for nothing (a thank-you note), see sentiment-rules.
 */
export const SENTIMENT_LEXICON = defineLexicon<SentimentTag>({
  positive: [
    [3, '非常满意|很满意|十分满意|合作愉快|太棒了|完美|惊喜|超出预期|赞赏|表扬|非常感谢|万分感谢|十分感谢|非常到位|很到位|excellent|perfect*|impressed|impressive'],
    [3, 'outstanding|wonderful|amazing|fantastic|delighted|exceeded our expectations|great job|well done'],
    [2.5, '满意|感激|好评|优秀|出色|给力|高兴|开心|愉快|喜欢|信赖|放心|效果很好|效果好|质量很好|质量好|很好用|好用|期待合作|期待与贵司合作|satisfied|satisfaction|happy'],
    [2.5, 'pleased|glad|great|love|loved|excited|smooth*|helpful|reliable|would recommend|highly recommend*'],
    [2.5, 'will recommend|resolved|works well|working well|fit perfectly|merry christmas|happy new year'],
    [2.5, 'happy holidays|best wishes|prosperous|pleasure|good condition|good order'],
    [2, '安康|阖家幸福|万事如意|生意兴隆|身体健康|那就按|就按这个价|成交|服务到位|当天就解决|解决得很快|开业大吉|恭喜|祝贺|wishing you|great success|happy now'],
    [2, 'great fit|would love to|it\'s a deal|不错|专业|及时|顺利|准时|认可|值得推荐|会推荐|效率高|速度快|服务好|服务周到|靠谱|省心|点赞|感动|快乐|荣幸|欢迎|解决了'],
    [2, '已解决|稳定|很好|挺好|=棒|=赞|👍|😊|😀|😄|🎉|❤|good|nice|on time|no problem*|no issue*|quickly|fast delivery'],
    [2, 'quick response|quick reply|professional|congratulations|enjoy*|looking forward to working|thrilled'],
    [2, '一起吃个饭|吃个饭|聚一聚|聚聚|喝个茶|喝杯茶|请你吃饭|grab a coffee|grab lunch|grab dinner|over dinner|over lunch|over coffee'],
    [2, '就按你们|就这么定|就这么办|sounds good|works for us|we accept|it\'s agreed|deal!'],
    [2, 'not bad|不差|还不错|同意了|批了|批准了|通过了|has approved|have approved|agreed to your|please welcome|welcome our new|welcome to'],
    [2, 'easier|keep it up|keep up the good work|improved|improvement|better than before|比以前好|进步'],
    [2, '契合|很契合|高度契合|志同道合|共赢|双赢|win-win|great match|good match|well aligned'],
    [1.5, '无误|没问题|没有问题|一切正常|签好|已签|签了|签订了|完好|完好无损|修好了|修好|辛苦了|looking forward to our'],
  ],
  courtesy: [
    [1.5, '感谢一直以来|=支持|感谢支持|感谢您的支持|感谢贵司|谢谢|多谢|谢了|感谢|期待您的回复|期待回复|🙏|thanks*|thank you*|thx|many thanks|cheers'],
    [1.5, 'appreciat*|would be great|would be grateful|looking forward to your reply|looking forward to hearing'],
  ],
  negative: [
    [3, '给个交代|unreliable|hurting our business|认真一点|认真点|用点心|上点心|坑人|忽悠|骗人|不讲信用|说话不算话|态度差|态度恶劣|服务差|服务太差|太慢了|效率太低|推脱'],
    [3, '踢皮球|扯皮|unusable|not up to standard|substandard|unprofessional|misleading|excuses|poor communication|失望|不满意'],
    [3, '不满|生气|愤怒|气愤|恼火|无语|离谱|糟糕|差劲|垃圾|骗子|忍无可忍|无法接受|不能接受|太过分|考虑其他供应商|考虑别的供应商|换供应商|换一家|不再合作|停止下单|不再下单|停止采购|终止合作|暂停合作'],
    [3, '很难继续|无法继续|失去耐心|没耐心|敷衍|不负责|不靠谱|太差|到底怎么|怎么搞的|搞什么|不像话|😡|😠|disappoint*|frustrat*|angry|furious|upset|unhappy'],
    [3, 'dissatisf*|unacceptable|not acceptable|terrible|awful|horrible|worst|ridiculous|fed up|sick of'],
    [3, 'considering other suppliers|switch supplier*|complain*|outraged|useless|stop ordering|stop buying'],
    [3, 'take our business elsewhere|losing patience'],
    [2.5, '很被动|让我们很被动|谁来负|责任谁|希望你们重视|请重视|threaten*|投诉|给个说法|给个解释|没人处理|没人管|没人回复|没人理|没人接|无人接听|不回消息|拒收|索赔|次品|残次|很差|质量差'],
    [2.5, '质量问题|担心|焦虑|着急|急死|头疼|困扰|遗憾|打不通|不合格|=差|=烂|抱怨|可惜|怎么保证|为什么又|怎么回事|谁来承担|谁负责|解决不了|不提前通知|没有提前通知|一涨再涨|影响生产|严重影响'],
    [2.5, '怎么办|差太多|差很多|😤|😞|😢|😭|👎|😔|poor|bad|annoy*|late again|third time|no response|no reply|ignored|worried|worry'],
    [2.5, 'concerned|unfortunately|gone downhill|getting worse|too slow|still waiting|not resolved|heard nothing'],
    [2.5, 'nobody has|no one has|our customer rejected|once again|still haven'],
    [2.5, 'second reminder|final reminder|last reminder|third reminder|再次提醒|再次催|第二次催|第三次催|最后通牒'],
    [2.5, 'still have not|still haven\'t|still has not|still hasn\'t|still not received|没法合作|无法合作|合作不下去'],
    [3, 'what a mess|reserve the right|claim damages|受够了'],
    [2, 'have to cancel|had to cancel|forced to cancel|不得不取消|只能取消|每次都要催|每次都得催'],
    [2.5, 'below expectations|below our expectations|fell short|falls short|expect better|expected better|expect more'],
    [3, '服了|真服了|受够了|说了多少遍|说了多少次|讲了多少次|not impressed|石沉大海|杳无音信|没有下文|没下文|联系不上|联系不到|找不到人|can\'t reach anyone|cannot reach anyone|no one answers|nobody answers'],
    [2, 'or we will have to|or we\'ll have to|otherwise we will|otherwise we\'ll|否则我们|不然我们|要不然我们'],
    [1.5, '拜托了'],
  ],
  trouble: [
    // "差了两万" is an amount that differs (trouble), not "差" (poor); a digit-led gap is a shortfall pattern.
    [1.5, '差了一|差了两|差了二|差了三|差了四|差了五|差了六|差了七|差了八|差了九|差了十|差了几|差了百|差了千|差了万|差了好'],
    [2.5, '停线|停产|line stops|line stop|line down|stop production|production stop*|shut down'],
    [2, '声音很大|声音大|噪声|裂纹|有裂纹|良品率掉|yield dropped|splay|混了|混料|混色|metal particles|particles|全是花的|结块|异味|贴错|标错|发错|错了|深浅不一'],
    [2, '不均匀|杂质|黑点|异物|水花|跳闸|短路|漏电|开不了机|不启动|滴水|结冰|不凉|不冷|整条线都要停|线都要停|产线停|停了|wet|off-spec|out of spec|inconsistent'],
    [2, 'foreign matter|mislabel*|held at customs|failed|failure|tripping|short circuit|won\'t start|dripping|少了|缺了'],
    [2, '短少|短装|受潮|污染|压坏|破了|破损|退货|退款|赔偿|损失|拖了|拖延|一拖再拖|延误|差别很大|色差|错发|少发|漏发|坏了|断了|坏掉|损坏|卡死|卡住|不转|晚一天|晚两天|晚到|要晚|坏在路上'],
    [2, '不制冷|不制热|不好|装不上|用不了|严重|missing|delay*|late|refund*|defect*|defective|cracked|broken|damaged|not working'],
    [2, 'stopped working|doesn\'t work|does not work|nobody|no one|noisy|loud noise|crushed|leaking|stuck'],
    [2, 'contaminat*|torn|reject*|black specks|specks|warpage|warp*|oil leak*|demurrage|detention charge*|storage charge*|滞港费|滞箱费|压港'],
    [2, 'sitting at the port|sitting at port|held up|不让进|进不去|不让卸|tipped over|fell over|collapsed|badly|不出风|不出水|一碰就裂|碎了|碎裂|暂停使用|停止使用|split open|burst|ripped|all over the floor|spill*|does not comply|doesn\'t comply|non-conform*|nonconform*|black spot*|还没见到|没见到货|断料|缺料|没料了|refused|refuse to|拒绝|不肯|don\'t fit|doesn\'t fit|do not fit|does not fit|不匹配|不适配|达不到|不达标|是破的|撒了一地|撒了|no cooling|no heating|偏黄|偏色|颜色不对|burnt|smell*|odou*|烧焦|焦味|臭味'],
    [1.5, '到不了|还没到|晚了|开裂|裂了|褪色|变色|发黄|变形|故障|报错|失灵|漏水|异响|不能用|不工作|毛刺|噪音|不一致|缩水|银纹|problem*|wrong|mistake*|issue with'],
    [1.5, 'issues with|noise|slow'],
    [1, '错误|延迟|再不到|=慢'],
    // Spans that contain a cue but are not one: they claim the text and score nothing.
    [0, '差别|差异|差价|出差|差不多|相差|误差|偏差|还差|差一个|差一份|差个|不好意思|不客气|没关系|不着急|不急|技术支持|支持吗|支不支持|不满足|outstanding balance|outstanding amount'],
    [0, 'any problem*|any issue*|any question*|如有问题|有问题请|有任何问题|如有疑问|outstanding invoice*|outstanding payment*|good morning|good afternoon|good evening|good day|quick question'],
    [0, 'as fast as possible|without delay|sorry to bother|no later than|a reliable|reliable source|reliable supplier|reliable supply|best regards|kind regards|warm regards'],
  ],
});
