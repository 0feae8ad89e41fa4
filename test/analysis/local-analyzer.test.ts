import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { A10Input, A10Output } from '../../functions/core/agents/a10-communication-analysis.js';
import { detectLanguage } from '../../functions/analysis/local/language.js';
import { ANALYZER_TARGETS, type LabelledCase, evaluateAnalyzer, labelledInput, missedTargets, parseLabelledSet } from '../../functions/analysis/local/labelled-set.js';
import { analyzeText, createLocalAnalyzer, defaultSegmenter, lexiconSegmenter } from '../../functions/analysis/local/local-analyzer.js';
import { resolveSegmenter } from '../../functions/analysis/local/segmenter.js';

const DEV_SET = path.resolve(import.meta.dirname, '../../../shared/analysis/dev-set.jsonl');

/**
 * Held out from tuning the dev set: new wording, B2B plastics and air-conditioner-parts messages.
 * [id, text, acceptable intents (|-separated), sentiment, urgency]
 */
const HELD_OUT: readonly (readonly [string, string, string, string, string])[] = [
  ['h01', '李经理，PCR-PP 2000现在什么价格？我们7月份大概要用80吨。', 'inquiry', 'neutral', 'low'],
  ['h02', 'Can you quote your best price for 5 containers of recycled ABS, CIF Haiphong?', 'inquiry', 'neutral', 'low'],
  ['h05', '麻烦发一份最新的价格表给我，下周一之前要报给老板。', 'inquiry', 'neutral', 'medium'],
  ['h06', 'We are comparing offers from other suppliers; please send your price per ton for PCR-PC 3000 by Wednesday.', 'inquiry', 'neutral', 'medium'],
  ['h07', '这次送来的外壳全部有毛刺，装不上去，你们的品控到底怎么做的？', 'complaint', 'negative', 'medium'],
  ['h08', 'I have emailed three times about the wrong color batch and nobody has replied. This is unacceptable!', 'complaint', 'negative', 'high'],
  ['h09', '说好的交期又推迟了，我们已经被客户罚款了，再这样下去只能换供应商。', 'complaint', 'negative', 'high'],
  ['h13', '请提供PCR-ABS-1000的UL黄卡和REACH检测报告。', 'technical', 'neutral', 'low'],
  ['h14', 'Does your PC/ABS blend meet V-0 at 1.5 mm? Please share the datasheet.', 'technical', 'neutral', 'low'],
  ['h17', '我们的检测部门明天就要出报告，今天能把MSDS发过来吗？', 'technical', 'neutral', 'high'],
  ['h18', 'We distribute engineering plastics in Vietnam and would like to become your exclusive agent.', 'cooperation', 'positive', 'low'],
  ['h19', '贵司的再生料做得很专业，我们希望建立长期合作关系，年采购量约2000吨。', 'cooperation', 'positive', 'low'],
  ['h22', '今天下单PCR-PC 3000共25吨，采购订单稍后发邮件，请确认交期。', 'order', 'neutral', 'medium'],
  ['h23', 'Please find attached PO 7781 for 40 tons of PCR-ABS-1000, delivery in August.', 'order', 'neutral', 'medium'],
  ['h27', 'Could you send us the proforma invoice so we can arrange the deposit?', 'payment', 'neutral', 'low'],
  ['h28', '尾款下周三前安排电汇，请把银行账户信息再确认一下。', 'payment', 'neutral', 'medium'],
  ['h34', '仓库反馈少了3托，麻烦核实一下尽快补发。', 'delivery', 'negative', 'high'],
  ['h37', 'Truck is stuck at the border, we need the material by tomorrow morning or the molding line stops.', 'delivery', 'negative', 'high'],
  ['h38', '上个月换的压缩机又坏了，还在保修期内，麻烦派人来看看。', 'after_sales', 'negative', 'medium'],
  ['h39', 'One of the fan motors you supplied is making a loud noise. Can you send a replacement under warranty?', 'after_sales', 'negative', 'medium'],
  ['h41', 'Your technician fixed the issue quickly, everything works well now. Thanks!', 'after_sales', 'positive', 'low'],
  ['h44', 'Happy Dragon Boat Festival to you and your team!', 'other', 'positive', 'low'],
  ['h47', '新年好！感谢过去一年的信任与支持，祝生意兴隆。', 'other', 'positive', 'low'],
  ['f01', '您好，PCR-PS 800现在还供货吗？麻烦报一个到苏州的价格。', 'inquiry', 'neutral', 'low'],
  ['f04', 'Our buyer asked me to collect three quotes by end of day tomorrow. Can you send yours?', 'inquiry', 'neutral', 'high'],
  ['f06', '这已经是本月第三次送错货了，仓库都不知道该怎么收，你们能不能认真一点？', 'complaint', 'negative', 'high'],
  ['f07', 'We found metal particles in two bags of your resin. This could have damaged our molds. We need an investigation report.', 'complaint', 'negative', 'medium'],
  ['f09', 'Honestly your lead times have become unreliable and it is hurting our business.', 'complaint', 'negative', 'medium'],
  ['f10', '塑料粒子里混了别的颜色的料，做出来的外壳全是花的，损失很大，请给个交代！', 'complaint', 'negative', 'high'],
  ['f16', '我们是马来西亚的塑料贸易商，想和贵司谈谈长期独家供货的合作模式。', 'cooperation', 'positive', 'low'],
  ['f17', 'We see great potential in combining your recycled resins with our compounding know-how. Shall we talk?', 'cooperation', 'positive', 'low'],
  ['f20', 'PCR-PC 3000再追加5吨，跟上一单一起发。', 'order', 'neutral', 'medium'],
  ['f21', 'Please proceed with production of order 6651, artwork for the bags is approved.', 'order', 'neutral', 'medium'],
  ['f25', 'The bank returned our transfer because the beneficiary name didn\'t match. Please double-check your account details.', 'payment', 'neutral', 'medium'],
  ['f26', '财务说3月份那张发票作废了，需要你们重新开一张红字发票。', 'payment', 'neutral', 'medium'],
  ['f28', '请告知一下这个柜子的船名和开船日期。', 'delivery', 'neutral', 'low'],
  ['f29', 'The driver can\'t find your loading dock, please call him at 139xxxx right now.', 'delivery', 'neutral', 'high'],
  ['f32', '到厂后发现数量少了一包，麻烦查一下是不是漏装了。', 'delivery', 'negative', 'medium'],
  ['f33', '空调用了不到一个月就不制冷了，麻烦安排师傅上门检查。', 'after_sales', 'negative', 'medium'],
  ['f35', 'The replacement fan motor works, but the noise is still there. Please advise.', 'after_sales', 'negative', 'medium'],
  ['f36', '谢谢师傅这么快就来修好了，服务很专业！', 'after_sales', 'positive', 'low'],
  ['f38', 'Hope you had a nice weekend! Just checking in.', 'other', 'positive', 'low'],
  ['f40', 'Can we push our call to 3pm? I\'m stuck in another meeting.', 'other', 'neutral', 'low'],
  ['g01', '刘经理，PCR-ABS 1000系列如果一次拿60吨，价格能做到多少？', 'inquiry', 'neutral', 'low'],
  ['g02', 'Please quote CIF Jakarta for 3 containers of PCR-PP 2000 and confirm validity of the offer.', 'inquiry', 'neutral', 'low'],
  ['g03', '你们有没有适合做空调导风板的再生ABS？想要一份推荐的牌号和价格。', 'inquiry|technical', 'neutral', 'low'],
  ['g04', 'We need pricing for 100 tons by tomorrow noon, otherwise we can\'t include you in the tender.', 'inquiry', 'neutral', 'high'],
  ['g05', '请问样品寄出了吗？我们这边测试排在下周。', 'inquiry|delivery', 'neutral', 'medium'],
  ['g06', '你们这个月交的三批货，两批都有杂质，我们的良品率掉了一半，这个责任谁来负？', 'complaint', 'negative', 'high'],
  ['g07', 'I\'m writing to formally complain about the rude behavior of your driver at our gate yesterday.', 'complaint', 'negative', 'medium'],
  ['g08', '交期一推再推，你们到底什么时候能发？', 'complaint|delivery', 'negative', 'high'],
  ['g09', 'Quality has been inconsistent for the last three lots and our customer is now threatening to cancel their program with us.', 'complaint', 'negative', 'high'],
  ['g10', '同样的料这次价格涨了8%，事先也没说，这让我们很被动。', 'complaint', 'negative', 'medium'],
  ['g11', '请问你们的PCR-PC 3000是否通过UL 746C认证？', 'technical', 'neutral', 'low'],
  ['g12', 'We\'re seeing splay marks on parts. What drying conditions do you recommend for PCR-PC 3000?', 'technical', 'neutral', 'medium'],
  ['g13', '这款再生PP的灰分是多少？能不能提供一份COA？', 'technical', 'neutral', 'low'],
  ['g14', 'Can your lab run a color match against our Pantone sample?', 'technical', 'neutral', 'low'],
  ['g15', '客户要求材料满足GB/T 2408的阻燃要求，你们哪款可以？', 'technical', 'neutral', 'low'],
  ['g16', '我们想在华南地区代理你们的PCR系列，请问代理政策是怎样的？', 'cooperation', 'positive', 'low'],
  ['g17', 'Our firm would like to invest in expanding your pelletizing line in exchange for priority supply.', 'cooperation', 'positive', 'low'],
  ['g18', '贵司在再生料方面的实力让我们印象深刻，希望能建立战略伙伴关系。', 'cooperation', 'positive', 'low'],
  ['g19', 'Let\'s set up a workshop next Wednesday to align on the co-development roadmap.', 'cooperation', 'positive', 'medium'],
  ['g20', '确认订购PCR-PP 2000二十吨，麻烦安排下周出货。', 'order', 'neutral', 'medium'],
  ['g21', 'Please reduce PO 4410 from 20 to 15 tons, the rest remains unchanged.', 'order', 'neutral', 'medium'],
  ['g22', '下个季度我们打算每月固定订30吨，能不能签个年度合同？', 'order|cooperation', 'positive', 'low'],
  ['g23', 'Order confirmed: 12 tons PCR-ABS-1000 at USD 1,350/t, delivery CIF Busan in week 32.', 'order', 'neutral', 'medium'],
  ['g24', '我们的付款流程变了，以后发票要先在系统里上传才能付款。', 'payment', 'neutral', 'low'],
  ['g25', 'Kindly send us a copy of the paid invoice stamped \'received\' for our audit.', 'payment', 'neutral', 'low'],
  ['g26', '我们上周付的款你们到账了没？银行显示已扣款。', 'payment', 'neutral', 'low'],
  ['g27', 'Your invoice shows 21 tons but we only ordered 20. Please correct it.', 'payment', 'neutral', 'medium'],
  ['g28', '物流那边说货已经到了中转站，预计明天下午送到。', 'delivery', 'neutral', 'low'],
  ['g29', 'Could you deliver on Saturday? Our warehouse is closed on Monday for inventory.', 'delivery', 'neutral', 'medium'],
  ['g30', '收到的货外箱都压扁了，里面的配件有几个变形，照片已发给你们。', 'delivery|complaint', 'negative', 'medium'],
  ['g31', 'Shipment received on time, thanks for the smooth coordination.', 'delivery', 'positive', 'low'],
  ['g32', '还有两天就停产了，原料到现在还没发，今天必须给我一个准确的到货时间！', 'delivery|complaint', 'negative', 'high'],
  ['g33', '空调外机启动时声音很大，像是压缩机的问题，能不能派人来看一下？', 'after_sales', 'negative', 'medium'],
  ['g34', 'Is it possible to extend the warranty on the units we bought last year?', 'after_sales', 'neutral', 'low'],
  ['g35', '更换的新面板又有裂纹，这已经是第二次了，希望你们重视。', 'after_sales|complaint', 'negative', 'high'],
  ['g36', '维修师傅很耐心，给我们讲了很多保养知识，非常感谢！', 'after_sales', 'positive', 'low'],
  ['g37', 'Sure, that works for me. Talk tomorrow.', 'other', 'neutral', 'low'],
  ['g38', '端午安康！粽子已经寄出，请注意查收。', 'other', 'positive', 'low'],
  ['g39', '我们的新地址是深圳市宝安区XX路88号，名片稍后更新。', 'other', 'neutral', 'low'],
  ['g40', 'Thank you for hosting us last week, we really enjoyed the visit.', 'other', 'positive', 'low'],
];

const heldOut: LabelledCase[] = HELD_OUT.map(([id, text, intent, sentiment, urgency]) =>
  parseLabelledSet(JSON.stringify({ id, text, intent: intent.split('|'), sentiment, urgency }))[0]!,
);

function input(text: string, overrides: Partial<A10Input> = {}): A10Input {
  return A10Input.parse({
    recordId: 'WX-20240617-0001',
    type: 'wechat',
    direction: 'inbound',
    channel: 'wecom',
    text,
    language: detectLanguage(text),
    competitors: ['金发科技', 'SABIC', 'LG'],
    occurredAt: '2024-06-17T08:00:00.000Z',
    timeZone: 'Asia/Shanghai',
    ...overrides,
  });
}

function expectTargetsMet(cases: readonly LabelledCase[], segmenter = defaultSegmenter()): void {
  const evaluation = evaluateAnalyzer(cases, (record) => analyzeText(record, segmenter));
  const report = evaluation.misses.map((miss) => `${miss.id} ${miss.wrong.map((w) => `${w.field}:${w.expected}→${w.predicted}`).join(' ')}`);
  expect(missedTargets(evaluation), report.join('\n')).toEqual([]);
}

describe('local A10 analyzer: accuracy', () => {
  it('meets the targets on the shared dev set', () => {
    // Prepare
    const cases = parseLabelledSet(readFileSync(DEV_SET, 'utf8'));

    // Act
    const evaluation = evaluateAnalyzer(cases, (record) => analyzeText(record));

    // Assess
    expect(cases).toHaveLength(35);
    expect(evaluation.fields.intent.accuracy).toBeGreaterThanOrEqual(ANALYZER_TARGETS.intent);
    expect(evaluation.fields.sentiment.accuracy).toBeGreaterThanOrEqual(ANALYZER_TARGETS.sentiment);
    expect(evaluation.fields.urgency.accuracy).toBeGreaterThanOrEqual(ANALYZER_TARGETS.urgency);
  });

  it('meets the targets on messages it was not tuned on', () => {
    expect(heldOut.length).toBeGreaterThanOrEqual(30);
    expectTargetsMet(heldOut);
  });

  it('meets the targets without jieba (the Lambda fallback segmenter)', () => {
    // Prepare
    const dev = parseLabelledSet(readFileSync(DEV_SET, 'utf8'));

    // Act + Assess
    expectTargetsMet(dev, lexiconSegmenter());
    expectTargetsMet(heldOut, lexiconSegmenter());
  });
});

describe('local A10 analyzer: key facts', () => {
  it.each([
    ['PCR-ABS 1000系列大约50吨，麻烦报个含税价', { products: ['PCR-ABS-1000'], price: '含税价', quantity: '50吨' }],
    ['PCR-PC 3000 单价¥12,500/吨含税，PCR-ABS-2000另议', { products: ['PCR-PC-3000', 'PCR-ABS-2000'], price: '¥12,500/吨 含税' }],
    ['报价3.5万元，20吨，7月交货，本周内回复', { price: '3.5万元', quantity: '20吨', timeline: '7月, 本周内' }],
    ['USD 1,180 per ton for 20 tons of pcr-abs-1000, need it by Friday.', { products: ['PCR-ABS-1000'], price: 'USD 1,180 per ton', quantity: '20 tons', timeline: 'by Friday' }],
    ['Our warehouse received 18 pallets instead of 20.', { quantity: '18 pallets', price: null }],
    ['订单PO-8891改为40吨，下周三前发货', { products: [], quantity: '40吨', timeline: '下周三前' }],
  ])('reads %s', (text, expected) => {
    // Act
    const { output } = analyzeText(input(text));

    // Assess
    expect(output.key_info).toMatchObject(expected);
  });

  it('names the tenant competitors found and notes generic ones', () => {
    // Act
    const named = analyzeText(input('金发科技报价比你们低，SABIC也在谈，其他供应商更便宜')).output.key_info.competitors;
    const generic = analyzeText(input('Honestly we are considering other suppliers.')).output.key_info.competitors;
    const partWord = analyzeText(input('Our LGA1151 board arrived today.')).output.key_info.competitors;

    // Assess
    expect(named).toEqual(['金发科技', 'SABIC', '其他供应商 (generic)']);
    expect(generic).toEqual(['other suppliers (generic)']);
    expect(partWord).toEqual([]);
  });

  it('turns an inquiry with product and quantity into a concrete quotation follow-up', () => {
    // Act
    const zh = analyzeText(input('张经理您好，我们下个月需要PCR-ABS 1000系列大约50吨，麻烦报个含税价。')).output;
    const en = analyzeText(input('Could you send us a quotation for 20 tons of PCR-ABS-2000?')).output;

    // Assess
    expect(zh.follow_up[0]?.action).toBe('发送 PCR-ABS-1000 50吨 含税报价（下个月）');
    expect(en.follow_up[0]?.action).toBe('Send a quotation for 20 tons of PCR-ABS-2000');
  });
});

describe('local A10 analyzer: contract', () => {
  it('answers as the local model, with no model calls and the rules that fired', async () => {
    // Prepare
    const analyzer = createLocalAnalyzer();

    // Act
    const result = await analyzer.analyze(input('你们的客服电话一直打不通，问题拖了一周都没人处理！'));

    // Assess
    expect(result).toMatchObject({ model: 'local', modelCalls: 0 });
    expect(result.output.intent.category).toBe('complaint');
    expect(result.output.urgency.level).toBe('high');
    expect(result.explanation?.[0]).toMatch(/^intent:complaint ← .*打不通\(\+2\.5\)/);
    expect(A10Output.safeParse(result.output).success).toBe(true);
  });

  it.each(['', '   \n\t  '])('treats blank text %j as nothing to analyse', (text) => {
    // Act
    const { output } = analyzeText(input(text));

    // Assess
    expect(output.intent.category).toBe('other');
    expect(output.sentiment).toMatchObject({ overall: 'neutral', score: 0 });
    expect(output.urgency).toEqual({ level: 'low', reason: 'no text to analyse' });
    expect(output.follow_up).toEqual([]);
  });

  it('reads the subject when the body is empty', () => {
    expect(analyzeText(input('', { subject: 'Quotation request: PCR-PC 3000, 18 tons' })).output.intent.category).toBe('inquiry');
  });

  it('gives the same answer for the same input', () => {
    // Prepare
    const record = input('Please expedite - our line stops tomorrow if the resin doesn’t arrive. 😡');

    // Act
    const first = analyzeText(record);
    const second = analyzeText(structuredClone(record));

    // Assess
    expect(second).toEqual(first);
  });

  it('reads only the first 20,000 characters of a very long text, quickly', () => {
    // Prepare
    const long = input(`${'谢谢您的支持。'.repeat(3_000)}质量太差了，我们要退货！`);

    // Act
    const started = performance.now();
    const { output } = analyzeText(long);
    const elapsed = performance.now() - started;

    // Assess: the complaint sits after the cap, so it is not seen.
    expect(output.intent.category).toBe('other');
    expect(elapsed).toBeLessThan(1_000);
  });

  it('still works when the jieba binary cannot be loaded', () => {
    // Prepare
    const segmenter = resolveSegmenter(lexiconSegmenter, () => {
      throw new Error('Cannot find module @node-rs/jieba-linux-arm64-gnu');
    });

    // Act
    const { output, explanation } = analyzeText(input('产品用了三个月就褪色，你们怎么保证质量？太失望了。'), segmenter);

    // Assess
    expect(segmenter.kind).toBe('lexicon');
    expect(explanation).toContain('segmenter:lexicon');
    expect(output.intent.category).toBe('complaint');
    expect(output.sentiment.overall).toBe('negative');
  });

  it('always answers in the A10 schema, whatever the text', () => {
    // Prepare: arbitrary Unicode, mixed with cue words so the rules fire on odd neighbours.
    const cueWords = fc.constantFrom('报价', '退货', '不', '没有', '很', '!', 'PCR-ABS 1000', '50吨', '¥', 'USD 3', '今天', 'not', 'ASAP', '👍', '😡', '\n', '，', 'again');
    const text = fc.array(fc.oneof(cueWords, fc.string({ unit: 'grapheme', maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 6 })), { maxLength: 16 }).map((parts) => parts.join(''));
    const record = fc.record({
      text,
      subject: fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
      language: fc.constantFrom('zh' as const, 'en' as const),
      competitors: fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }),
    });

    // Act + Assess
    fc.assert(
      fc.property(record, (fields) => {
        const { output } = analyzeText(input('', fields));
        expect(A10Output.safeParse(output).success).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('detectLanguage', () => {
  it.each([
    ['请问PCR-ABS-1000的价格？', 'zh'],
    ['Please send the datasheet for 阻燃ABS.', 'en'],
    ['', 'en'],
    ['👍', 'en'],
  ])('%j is %s', (text, language) => {
    expect(detectLanguage(text)).toBe(language);
  });
});
