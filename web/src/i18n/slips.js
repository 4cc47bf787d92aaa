// Strings of the "What the chapter gets wrong" boxes: for each slip of the course chapter, what it
// says, what is correct, and the labels of the engine's live demonstration.
export default {
  en: {
    kicker: 'What the chapter gets wrong:',
    says: 'The chapter:',
    correct: 'Correct:',
    demoCaption: 'Computed live by this app\'s engine',
    demoFailed: 'The engine could not compute this demonstration: {message}',

    'reluAlwaysOne.title': 'ReLU\'s gradient is not always 1',
    'reluAlwaysOne.says': 'describes ReLU\'s gradient as always 1, which is what makes it fast.',
    'reluAlwaysOne.correct': 'the slope is 1 only where the input z is positive; for z < 0 it is exactly 0. That is why ReLU raced to the target above (the race starts at a positive input) and also why a ReLU unit whose input is negative on every example stops learning: it is dead.',
    reluSlope: 'ReLU\'(z)',

    'leakyDerivative.title': 'the derivative of leaky ReLU',
    'leakyDerivative.says': 'prints a garbled formula for the derivative of leaky ReLU.',
    'leakyDerivative.correct': 'f(z) = z for z > 0 and αz for z ≤ 0, so f\'(z) = 1 for z > 0 and α for z < 0. Nothing else: the slope does not depend on how far below zero z is.',
    leakySlope: 'Leaky ReLU\'(z), α = {alpha}',

    'kinkConvention.title': 'one rule for the slope at a kink',
    'kinkConvention.says': 'writes ReLU\'s derivative with z ≥ 0 in its formula but uses z > 0 in its code, so the two disagree at z = 0.',
    'kinkConvention.correct': 'at a kink the slope is not defined, so a program has to choose, and it should choose once. This app takes the left-hand slope at every kink: ReLU\'(0) = 0, leaky ReLU\'(0) = α, the binary step\'s slope at 0 is 0 (its value there is 0 too), and the hard sigmoid\'s slope at ±3 is the flat side\'s 0 at −3 and 1/6 at 3. The table lists every function the app has with a kink; where only the curvature jumps (ELU with α = 1, softsign) both sides have the same slope. The chance that a real input lands exactly on a kink is tiny, but tests and worked examples hit them on purpose.',
    valueAt: 'f(z)',
    slopeAt: 'f\'(z) in the engine',

    'cachedGradient.title': 'a cached gradient computed twice',
    'cachedGradient.says': 'its sample sigmoid and tanh classes store the forward output a, and gradient() then overwrites that store with a(1 − a) (or 1 − a²).',
    'cachedGradient.correct': 'a gradient must not change the state it reads. Called a second time, the overwriting version applies the formula to its own previous answer and returns a wrong slope. The engine computes f\'(z) from z each time and gives the same answer however often it is asked.',
    cachedCalls: '{name}, cache overwritten',
    engineCalls: '{name}, engine',
    firstCall: 'first call',
    secondCall: 'second call',
    cachedAt: 'Both after one forward pass at z = {z}.',

    'softmaxDerivative.title': 'the derivative of softmax is a matrix',
    'softmaxDerivative.says': 'gives the derivative of softmax as sⱼ(1 − sⱼ).',
    'softmaxDerivative.correct': 'that is only the diagonal. Every output depends on every logit: ∂sᵢ/∂zⱼ = sᵢ(δᵢⱼ − sⱼ), the matrix diag(s) − s sᵀ, whose off-diagonal entries −sᵢsⱼ are never positive. Each row adds up to 0, because the probabilities always add up to 1; the diagonal alone does not.',
    jacobianRow: 'row 1 of diag(s) − s sᵀ',
    chapterRow: 'the chapter\'s s₁(1 − s₁)',
    rowSum: 'row sum',
    softmaxAt: 'For the logits ({logits}), softmax gives s = ({s}).',
  },
  zh: {
    kicker: '教材里的错误：',
    says: '教材的说法：',
    correct: '正确的说法：',
    demoCaption: '由本应用的引擎实时计算',
    demoFailed: '引擎无法计算这个演示：{message}',

    'reluAlwaysOne.title': 'ReLU 的梯度并不总是 1',
    'reluAlwaysOne.says': '说 ReLU 的梯度总是 1，所以它学得快。',
    'reluAlwaysOne.correct': '只有输入 z 为正时斜率才是 1；z < 0 时斜率恰好为 0。这正是上面 ReLU 能很快到达目标的原因（比赛从正的输入开始），也是为什么一个在所有样本上输入都为负的 ReLU 单元会停止学习：它死亡了。',
    reluSlope: 'ReLU\'(z)',

    'leakyDerivative.title': 'Leaky ReLU 的导数',
    'leakyDerivative.says': '给出的 Leaky ReLU 导数公式是错乱的。',
    'leakyDerivative.correct': 'z > 0 时 f(z) = z，z ≤ 0 时 f(z) = αz，所以 z > 0 时 f\'(z) = 1，z < 0 时 f\'(z) = α。仅此而已：斜率与 z 在零以下多远无关。',
    leakySlope: 'Leaky ReLU\'(z)，α = {alpha}',

    'kinkConvention.title': '折点处的斜率要用同一条规则',
    'kinkConvention.says': 'ReLU 导数的公式里写的是 z ≥ 0，代码里用的却是 z > 0，两者在 z = 0 处不一致。',
    'kinkConvention.correct': '折点处的斜率没有定义，所以程序必须做出选择，而且只能选一次。本应用在每个折点都取左侧的斜率：ReLU\'(0) = 0，Leaky ReLU\'(0) = α，阶跃函数在 0 处的斜率为 0（它在那里的值也是 0），硬 Sigmoid 在 −3 处取平坦一侧的 0，在 3 处取 1/6。下表列出本应用中所有带折点的函数；只有曲率发生跳变的地方（α = 1 的 ELU、Softsign），两侧的斜率相同。真实输入恰好落在折点上的机会极小，但测试和演算例子会特意用到这些点。',
    valueAt: 'f(z)',
    slopeAt: '引擎使用的 f\'(z)',

    'cachedGradient.title': '缓存的梯度被算了两次',
    'cachedGradient.says': '示例代码里的 sigmoid 和 tanh 类先保存前向输出 a，求梯度的 gradient() 随后用 a(1 − a)（或 1 − a²）覆盖了这个保存的值。',
    'cachedGradient.correct': '求梯度不应改变它所读取的状态。第二次调用时，覆盖缓存的写法会把公式用在自己上一次的结果上，返回错误的斜率。引擎每次都从 z 计算 f\'(z)，无论调用多少次，答案都一样。',
    cachedCalls: '{name}，缓存被覆盖',
    engineCalls: '{name}，引擎',
    firstCall: '第一次调用',
    secondCall: '第二次调用',
    cachedAt: '两者都是在 z = {z} 处做一次前向计算之后。',

    'softmaxDerivative.title': 'softmax 的导数是一个矩阵',
    'softmaxDerivative.says': '把 softmax 的导数写成 sⱼ(1 − sⱼ)。',
    'softmaxDerivative.correct': '这只是对角线。每个输出都依赖每一个 logit：∂sᵢ/∂zⱼ = sᵢ(δᵢⱼ − sⱼ)，即矩阵 diag(s) − s sᵀ，其非对角线元素 −sᵢsⱼ 从不为正。因为概率之和恒为 1，每一行加起来都等于 0；只有对角线则做不到。',
    jacobianRow: 'diag(s) − s sᵀ 的第 1 行',
    chapterRow: '教材的 s₁(1 − s₁)',
    rowSum: '行和',
    softmaxAt: '对 logits ({logits})，softmax 给出 s = ({s})。',
  },
};
