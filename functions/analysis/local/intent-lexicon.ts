import type { A10Output } from '../../core/agents/a10-communication-analysis.js';
import { defineLexicon } from './cue-lexicon.js';

export type IntentCategory = A10Output['intent']['category'];

/**
 * Cue phrases per intent, weighted 3 (names the intent on its own), 2 (typical), 1 (supporting).
 * Words shared by several intents sit with the one they usually signal in B2B plastics and
 * air-conditioner-parts mail: `freight` is a delivery word, but `price includes VAT` is an inquiry.
 */
export const INTENT_LEXICON = defineLexicon<IntentCategory>({
  inquiry: [
    [1.5, '=价|=钱'],
    [1.5, '产能|供货能力|能供多少|月供|looking for|do you have|do you sell|do you supply|can you supply|supply capability'],
    [2.5, '报一下|报给我|发个报价|出个报价|报价格|价格多少|一吨多少|每吨多少|价格怎么样|价格如何|行情|报价呗|还有货|有没有货|货源|底价|最低价|优惠价|降价|议价|quote me|your price|price for|prices for|how much is|how much for|price level|market price|price trend|price indication|indicative price|target price|competitive price|price breakdown|we are sourcing|sourcing'],
    [4, '报价|询价|寄样品|寄个样|寄点样品|quotation|quote*|ship a sample|send a sample|send samples|send us a sample|send us samples|ship samples'],
    [3, '报个价|报个|单价|多少钱|什么价|价位|含税价|不含税价|阶梯价|报价单|起订|起订量|最小起订|最低起订|MOQ|寄样|免费样品|价格表|最新价格'],
    [3, 'how much|unit price|price list|best price|rfq|minimum order|free sample*|includ* vat|pricing'],
    [3.5, 'price includ*'],
    [3.5, '样品|sample*'],
    [2.5, '更便宜的|便宜点|便宜一些|给个价|怎么卖|出厂价|到厂价|批发价|价格|价钱|有现货|现货|有货吗|库存|优惠|折扣|price*|discount*|in stock|availability|lead time|cost of|offer*'],
    [2, '试样|打样|批量采购|采购量|咨询|费用|收费|运费多少|想买|购买|多少|budget|interested in buying|looking for a supplier of|per ton|per kg'],
    [1.5, 'fob|cif|exw|ddp|cfr|incoterm*'],
    [1, '了解一下|想了解|请问|问一下|含税|便宜|采购|cost*|cheaper|buy|purchase|interested'],
  ],
  complaint: [
    [2, '混了|investigation|capa|particles'],
    [3, '送错货|送错|发错货|给个交代|混料|混色|unreliable|hurting our business|costing us|metal particles|investigation report|root cause|corrective action|8d report'],
    [2, '承诺的|答应的|不均匀|杂质|黑点|异物|claim*|penalt*|inconsistent|foreign matter|failed to|keep delaying'],
    [3, '坑人|忽悠|骗人|欺骗|不讲信用|不守信|说话不算话|推脱|推卸|踢皮球|扯皮|态度差|态度恶劣|服务差|服务太差|太慢了|效率太低|质检|品质问题|品质太差|不良品|批量问题|没法用|深浅不一|要求赔偿|追责|unusable|deduct*|chargeback|debit note|not up to standard|substandard|off-spec|out of spec|poor communication|unprofessional|misleading|not as described|you promised|excuses|escalat*'],
    [4, '投诉|客诉|complain*|complaint*'],
    [3, '退货|失望|不满意|不满|太差|很差|质量差|质量太差|给个说法|给个解释|怎么保证质量|没人处理|没人管|没人回复|没人理|没人接|无人接听|不回消息|停止下单|不再下单|停止采购|终止合作|暂停合作|很难继续|无法继续|一涨再涨|不提前通知|没有提前通知|谁来承担|谁负责|差太多|差很多|上次反映|反映过|到底怎么|怎么搞的|搞什么|不像话|拒收|敷衍|不负责|不靠谱|离谱|糟糕|差劲|次品|残次|不合格品|索赔|赔偿|无法接受|不能接受|太过分|换供应商|换一家|考虑其他供应商|考虑别的供应商|不再合作|第三次|又一次|又晚|又延误|又出问题'],
    [3, 'disappoint*|unacceptable|not acceptable|frustrat*|dissatisf*|unhappy|poor quality|quality issue*|quality problem*|late again|third time|compensat*|terrible|awful|ridiculous|fed up|considering other suppliers|switch supplier*|worst|no response|no reply|ignored|not what we ordered|stop ordering|stop buying|take our business elsewhere|late deliveries|black specks|not happy|not satisfied|unsatisfied|gone downhill|getting worse|deteriorat*|below standard|waste of time|poor service'],
    [2.5, '打不通|拖了|拖延|一拖再拖|解决不了|再出现|再发生|再这样|品控|不良|不良率|返工|报废|整改|8d|退回|质量问题|色差|差别很大|不合格|褪色|变色|发黄|变形|有毛刺|气泡|缩水|不能用|退款|扣款|罚款|损失|=差|=烂|refund*|defect*|discolo*|other suppliers|still not resolved|once again|second time|wrong colou*|cracked|brittle|reject*|too slow|not resolved|nobody has replied|no one has replied'],
    [2.5, '结块|没法投料|无法使用|根本没法|根本不能|越来越差'],
    [2, '跟上批|和上批|处理方案|给个方案'],
    [1.5, '一直没|异味|不一致|开裂|裂了|怎么回事|为什么又|说法|again|still haven|nobody|no one'],
    [0, '差别|差异|差价|出差|差不多|相差|误差'],
  ],
  technical: [
    [1, '=料|=测'],
    [3, '卤素|无卤|含不含|halogen*|跌落测试|drop test'],
    [2.5, '流纹|表面有|水花|烘料|烘干|悬臂梁|简支梁|缺口冲击|断裂伸长率|伸长率|热稳定|老化|耐化学|耐油|耐低温|低温冲击|韧性|刚性|光泽|灰分|添加比例|配比|第三方检测|SGS|检测数据|技术同事|技术人员|工厂审核|审核问卷|质量体系|ISO|IATF|FDA|食品级|迁移|焊接|超声波|喷涂|印刷|壁厚|模温|料温|背压|welding|ultrasonic|elongation|modulus|flexural|notched|charpy|heat aging|uv stabil*|chemical resistance|ash content|filler|talc|sgs|third-party|lab data|iso|iatf|fda|food grade|food contact|questionnaire|audit*|wall thickness|melt temperature|back pressure|splay|silver streak*|weld line*'],
    [3, 'UL黄卡|黄卡|GRS|技术指标|指标|耐温|附着力|电镀|流动性|melt index|认证证书|技术参数|参数表|参数|物性表|物性|技术咨询|熔融指数|熔指|拉伸强度|冲击强度|弯曲模量|弯曲强度|热变形|维卡|阻燃等级|UL认证|UL94|认证|检测报告|检测|MSDS|SDS|RoHS|COA|TDS|规格书|加工温度|注塑工艺|成型温度|含水率|收缩率|密度|硬度|耐候|抗UV|耐热|玻纤含量|技术资料'],
    [3, 'datasheet|data sheet|spec|specs|specification*|tds|msds|sds|rohs|certificat*|certified|test report*|tensile|impact strength|melt flow|mfi|mfr|heat deflection|hdt|flame retardan*|ul94|v-0|v0|processing temperature|processing window|shrinkage|viscosity|density|moisture content|technical data'],
    [2.5, '能否用于|能不能用于|可以用于|适用于|适合做|注塑|成型|银纹|翘曲|缩痕|流痕|熔接线|料花|玻纤|模具|工艺|配方|性能|兼容|相容|干燥|测试|报告|技术|技术支持|应用工程师|李工|mpa|mould*|mold*|suitable for|be used for|application*|izod|paint*|primer|gloss*|coating|plating|surface finish|glass-filled|glass fiber|glass fibre|warpage|sink marks|finish|injection|drying|properties|formulation|compatib*|hardness|technical|engineer*'],
    [1.5, '气味|请教|用于|阻燃|温度|工程师|材料|牌号|型号|替代|色母|配色|UL|grade*|material*|test*|resin|additive*|process*|temperature'],
  ],
  cooperation: [
    [3, 'mou|memorandum|joint r&d|r&d|research and development|great potential|know-how|combining your|shall we talk|二级供应商|有意向成为|扩产计划|合作模式'],
    [1.5, '投资|资源|invest*|joint|mutual'],
    [2.5, '有意代理|销售网络|设立分厂|设厂|入股|合伙|共建|战略联盟|OEM|ODM|贴牌|代工|来料加工|委托加工|长期供货|一起做|共同推广|携手|alliance|closed-loop|great fit|oem|odm|toll processing|tolling|licens*|co-develop*|co-brand*|win-win|synerg*|long-term supply'],
    [3, '一起开发|合作开发|有没有兴趣|资源互补|客户资源|战略合作|长期合作|合作伙伴|代理商|代理权|代理|经销商|经销|分销|加盟|合资|共同开发|联合开发|框架协议|独家|双赢|合作意向|合作机会|建立合作'],
    [3, 'partnership|partner*|distributor*|distribution agreement|dealer*|joint venture|joint development|exclusive|framework agreement|supply agreement|strategic|collaborat*|cooperat*|co-operat*|work together|team up|business opportunit*|represent your|interested in working'],
    [2.5, '合作|洽谈|谈一下|高层会面|高层|互访|渠道|供应商评估|评估供应商|长期供应商|供应商名录|合格供应商|agency|agent*|long-term|long term|approved supplier*|vendor list|supplier list|new supplier'],
    [1.5, '供应商|贵司|年度|明年|supplier*|annual|next year'],
  ],
  order: [
    [2.5, 'agreed price|new agreed price|new price'],
    [1.5, '备货|补货|取消|暂停|cancel*|book'],
    [4, '正式下单|确认下单'],
    [3, '先订|就订|订的|要订|订了|按这个价格|那就按|就按这个价|成交|拟好|签合同|发合同|合同发|下个单|开单|订单确认|订单变更|数量减少|减少到|增加数量|acknowledge receipt of|acknowledge the po|acknowledge our po|po attached|attached po|open order|blanket order|call-off|call off|order quantity|reduce the quantity|book the order|proceed with the order|go ahead with|accept your offer|accept your quotation|accept your quote'],
    [3, '订单|下单|订单号|采购单|采购订单|确认订单|安排生产|排产|加单|追加|补单|改单|订购|订货|回签|返单|续订|再订|复购|PO|purchase order*|po number|p.o.|reorder|re-order|place an order|placed an order|new order|repeat order|order confirmation|confirm the order|our order|the order'],
    [2, '合同|签好|签订|已签|签了|盖章|生产计划|数量改为|数量改成|改为|contract*|signed|sign the|production schedule|production plan|order*|amend*|increase the quantity|change the quantity'],
    [0, 'in order to|in order for'],
  ],
  payment: [
    [1.5, '=票|=款|=账'],
    [3, '多付|少付|抵扣|开票资料|对公账户|账户信息|银行账户|付款方式|付款条件|结款|收款账户|汇款账号|电子发票|纸质发票|红字|冲红|补开|拆分发票|延迟付款|缓付|settle*|pay by|split the invoice|credit note|bank details|account details|swift|iban|remit|overpaid|underpaid|double charge|charged twice|year-end closing|payment delay|delayed payment'],
    [3, '付款|已付|支付|汇款|电汇|转账|打款|到账|货款|预付款|尾款|定金|订金|账期|月结|信用证|发票|开票|专票|普票|增值税专用发票|增值税发票|税号|对账|对账单|欠款|催款|水单|承兑|汇票|结算|回款'],
    [3, 'invoice*|payment*|paid|unpaid|remittance|wire transfer|bank transfer|credit terms|payment terms|net 30|net 60|net 90|overdue|deposit|advance payment|letter of credit|l/c|t/t|proforma|pro forma|billing|reconcil*|statement of account'],
    [2.5, '发票金额|金额|重新开|重开发票|红冲|作废'],
    [2, '财务|付了|开具|抬头|增值税|银行|收款|预付|逾期|pay|transferred|transfer|wire|bank|balance due|outstanding|due date|receipt of payment'],
    [1, 'vat|tax|receipt|due|退款|保证金|收据'],
    [0, 'due to'],
  ],
  delivery: [
    [1.5, '=柜|=船|=车'],
    [3, '船名|开船|开船日期|货柜|柜子|loading dock|dock'],
    [2, '标签|托盘|剩余|剩下的|尾货|新仓库|labels|labeling|labelling|next batch|remaining|wet'],
    [3, '分两批|分批|分几批|发了没有|发了吗|什么时候能到|几号到|几号发|到了没|送到了吗|贴错|唛头|打托|装车|发车|在途|原产地证|提单|箱单|到港时间|送货地址|收货地址|仓库地址|分批发|分批交货|certificate of origin|held at customs|customs clearance|mislabel*|ship date|shipping date|loading|loaded|vessel|booking|etd|delivery address|deliver to|partial shipment|split shipment'],
    [3, '发货|交付|出货|物流单号|到哪了|到哪里了|发了没|发出了吗|送货单|装箱单|卸货|什么时候发|什么时候到|货已经|货已|送货|交货|到货|到不了|还没到|没到货|物流|快递|运单|货车|签收|收货|收到货|到港|清关|提货|装柜|集装箱|船期|运输|配送|少发|漏发|错发|补发|预计到达|到厂|催货|货到|货还没|送到'],
    [3, 'ship*|shipment*|arriv*|eta|tracking|bill of lading|b/l|container*|truck*|logistics|courier|dispatch*|in transit|customs|short-shipped|short shipment|delivery date|deliver it|deliveries|transport*|during transit|delivery note|packing list|unload*|where is our order|where is the shipment|status of our order'],
    [2.5, '包装|包装完好|单号|交期|延误|延迟|批货|这批货|上批货|货物|用料|仓库|到了|到达|pallet*|missing|warehouse|expedite|delay*|late|pick up|pickup|on the way|port|delivered|border|packaging|line stop*|line down|driver'],
    [2, 'freight'],
    [1.5, '司机|运费|停线|=货|deliver*|received|stuck'],
    [0, 'relationship|friendship'],
  ],
  after_sales: [
    [1.5, '=修|=坏'],
    [2, '振动|抖动|清洗|清洁|换电池|按键|寄回|安装师傅|派人|vibration|frozen'],
    [3, '装好以后|装好后|安装后|安装以后|跳闸|短路|漏电|开不了机|不启动|不开机|显示故障|报警|制冷效果差|不凉|不冷|不热|滴水|结冰|结霜|上门清洗|清洗服务|保修卡|质保卡|报修|维修单|派人处理|warranty card|tripping|trips the breaker|short circuit|won\'t start|does not start|not turning on|dripping|icing|cleaning service|service visit|field service|return it for repair|send it back'],
    [3, '售后|售后工程师|异味|维修|修理|保修|保修期|质保|质保期|换货|返修|退换|保养|错误代码|故障代码|不制冷|不制热|漏氟|上门维修|上门检修|维修费|维修费用|派人来看|派人过来|派工程师|修好|修好了|返厂|工单|制冷正常'],
    [3, 'warranty|repair*|after-sales|after sales|aftersales|spare part*|maintenance|technician|rma|return authori*|troubleshoot*|error code|not cooling|not heating|service engineer|send someone'],
    [2.5, '寄一个新的|换一个新的|补寄配件|师傅|更换|换新|上门|安装|调试|故障|报错|坏了|失灵|不工作|漏水|异响|噪音|说明书|使用说明|replac*|fault*|malfunction*|broken|not working|stopped working|doesn\'t work|leak*|noise|install*|manual'],
    [1.5, '错误|维护|配件|遥控器|压缩机|on-site|onsite|service'],
  ],
  other: [
    [1.5, '聊聊|手机|见面聊|ok|👌'],
    [2.5, '出差|在外地|有急事打我|打我手机|不在办公室|回来后|一起吃个饭|吃个饭|喝茶|纪要|展位|行业展会|拜年|恭喜|开业大吉|祝贺|travelling|traveling|on leave|back on|booth|see you|wishing you|minutes of'],
    [3, '节日快乐|节快乐|新年快乐|中秋快乐|春节快乐|国庆快乐|生日快乐|happy new year|merry christmas|happy holidays|season\'s greetings|out of office|congratulations'],
    [3, '以后由|由她对接|由他对接|对接人|新来的|接替'],
    [2.5, '快乐|会议纪要|视频会议|电话会议|会议|=开会|改期|参观|拜访|来访|行程|约个时间|吃饭|聚餐|展会|放假|休假|请假|离职|交接|新同事|联系方式|reschedule|meeting|video call|conference call|visit*|tour|trade show|exhibition|vacation|holiday*|lunch|dinner|catch up|new contact|introduce|introduction|minutes|mobile number|phone number|new number'],
    [1.5, '通话|改到|见面|问候|祝|辛苦了|收到|好的|知道了|明白了|了解了|收悉|汇报|谢谢|感谢|多谢|thanks|thank you|thanks again|thank you again|noted|well received|greetings|call|schedule|appointment|ok|okay|got it|understood|will do|festival'],
  ],
});
