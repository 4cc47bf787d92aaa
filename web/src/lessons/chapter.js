// The built-in lesson: the chapter's argument, one claim per step, each reproduced live by the
// engine. A lesson document (docs/LESSONS.md) like any teacher's; tests/node/lessons.test.mjs
// checks every number its texts state against the engine.
import { presetById } from '../training/presets.js';

const story = (id) => presetById(id).settings;

export default {
  format: 'activation-lab-lesson',
  version: 1,
  id: 'chapter',
  title: { en: 'Why activation functions matter', zh: '激活函数为何重要' },
  steps: [
    {
      panel: 'nonlinearity',
      settings: { between: 'linear' },
      title: { en: 'Two linear layers are one', zh: '两层线性等于一层' },
      prompt: {
        en: 'With no activation between them, two linear layers compose into a single linear layer: W3 = W2 W1 and b3 = W2 b1 + b2. The thick line (two layers) and the dashed line (one layer) coincide. Read off the single weight W3.',
        zh: '两层之间没有激活函数时，两个线性层合成一个线性层：W3 = W2 W1，b3 = W2 b1 + b2。粗线（两层）与虚线（一层）完全重合。请读出这个单一权重 W3。',
      },
      question: { kind: 'number', measure: { name: 'collapse.weight' }, tolerance: 0.01 },
    },
    {
      panel: 'playground',
      settings: { activation: 'linear', hiddenLayers: [3, 3], speed: 'steps-10' },
      classroom: { hide: ['dataset', 'points', 'noise'] },
      title: { en: 'A bend is what learns the circle', zh: '弯折才能学会圆' },
      prompt: {
        en: 'The same collapse on data: with a linear activation, however many layers, the boundary stays a straight line and the circle cannot be separated. Keep the 3 units per layer, choose a nonlinear activation and train until test accuracy reaches 95 %.',
        zh: '同样的塌缩也发生在数据上：激活函数为线性时，无论多少层，决策边界都是一条直线，无法分开圆形数据。保持每层 3 个单元，换一个非线性激活函数并训练，直到测试准确率达到 95 %。',
      },
      question: {
        kind: 'state',
        conditions: [{ readout: 'testAccuracy', atLeast: 0.95 }, { setting: 'hiddenLayers', atMost: 3 }],
      },
    },
    {
      panel: 'race',
      settings: { racers: ['step', 'sigmoid'] },
      title: { en: 'The step cannot be trained', zh: '阶跃函数无法训练' },
      prompt: {
        en: 'Gradient descent moves x against the derivative. The step function is flat on both sides of its jump, so its derivative is zero wherever it is defined. Play the race and watch the step racer.',
        zh: '梯度下降沿导数的反方向移动 x。阶跃函数在跳变两侧都是平的，凡是有定义的地方导数都为零。播放这场赛跑，观察阶跃函数这一方。',
      },
      question: {
        kind: 'choice',
        measure: { name: 'race.stop', activation: 'step' },
        choices: [
          { value: 'reached', label: { en: 'It reaches the target', zh: '它到达目标' } },
          { value: 'stalled', label: { en: 'It never moves: the gradient is zero', zh: '它一动不动：梯度为零' } },
          { value: 'diverged', label: { en: 'It runs away to infinity', zh: '它发散到无穷' } },
        ],
      },
    },
    {
      panel: 'race',
      settings: { racers: ['sigmoid'] },
      title: { en: 'Sigmoid’s long race', zh: 'Sigmoid 的漫长赛跑' },
      prompt: {
        en: 'Start where sigmoid outputs 0.9 and step x down with learning rate 0.2 until the output reaches 0.5. Near 0.9 the curve is nearly flat, so each step is small. How many steps does sigmoid need?',
        zh: '从 sigmoid 输出 0.9 的位置出发，以学习率 0.2 逐步减小 x，直到输出降到 0.5。在 0.9 附近曲线几乎是平的，所以每一步都很小。sigmoid 需要多少步？',
      },
      question: { kind: 'number', measure: { name: 'race.steps', activation: 'sigmoid' }, tolerance: 0 },
    },
    {
      panel: 'mean-shift',
      settings: { activation: 'sigmoid' },
      title: { en: 'Sigmoid shifts the mean', zh: 'Sigmoid 使均值偏移' },
      prompt: {
        en: 'The inputs are uniform on −1 to 1, centred on zero. Sigmoid’s outputs are all positive, so the next layer’s inputs no longer centre on zero and its weights tend to move together. Where is the mean of the outputs? (Within 0.01.)',
        zh: '输入在 −1 到 1 上均匀分布，以零为中心。sigmoid 的输出全为正，因此下一层的输入不再以零为中心，其权重往往同向变化。输出的均值是多少？（误差 0.01 以内。）',
      },
      question: { kind: 'number', measure: { name: 'meanShift.outputMean' }, tolerance: 0.01 },
    },
    {
      panel: 'mean-shift',
      settings: { activation: 'sigmoid' },
      title: { en: 'tanh stays centred', zh: 'tanh 保持居中' },
      prompt: {
        en: 'tanh is a stretched and shifted sigmoid, tanh(x) = 2 sigmoid(2x) − 1, and it is symmetric about zero. Choose an activation whose output mean is within 0.01 of zero.',
        zh: 'tanh 是拉伸并平移后的 sigmoid：tanh(x) = 2 sigmoid(2x) − 1，它关于零对称。请选择一个输出均值与零相差不超过 0.01 的激活函数。',
      },
      question: { kind: 'state', conditions: [{ measure: { name: 'meanShift.outputMean' }, atLeast: -0.01, atMost: 0.01 }] },
    },
    {
      panel: 'race',
      settings: { racers: ['sigmoid', 'relu'] },
      title: { en: 'ReLU’s short race', zh: 'ReLU 的短程赛跑' },
      prompt: {
        en: 'The same race for ReLU: its slope is 1 for every positive input, so it does not flatten out as it rises. How many steps does ReLU need?',
        zh: '同样的赛跑换成 ReLU：对每个正输入它的斜率都是 1，上升时不会变平。ReLU 需要多少步？',
      },
      question: { kind: 'number', measure: { name: 'race.steps', activation: 'relu' }, tolerance: 0 },
    },
    {
      panel: 'playground',
      settings: story('reluHigh'),
      title: { en: 'Dead units at a high learning rate', zh: '高学习率下的死亡单元' },
      prompt: {
        en: 'ReLU’s flat half has a price. At learning rate 3 a large step can push a unit’s input below zero for every training point; from then on its gradient is zero and it never recovers. Press Play and watch the dead-units chart until at least half of the units are dead.',
        zh: 'ReLU 平坦的一半是有代价的。学习率为 3 时，一大步就可能把某个单元在所有训练点上的输入推到零以下；此后它的梯度为零，再也无法恢复。按下播放，观察死亡单元图，直到至少一半的单元死亡。',
      },
      question: { kind: 'state', conditions: [{ readout: 'deadFraction', atLeast: 0.5 }] },
    },
    {
      panel: 'playground',
      settings: story('reluHigh'),
      title: { en: 'When did they die? The inspector', zh: '它们何时死亡？单元检查器' },
      prompt: {
        en: 'Press Play again. Every ◆ on the loss chart’s step axis marks a death and moves the timeline there; choose one, or a dead unit in the diagram, to open the inspector. It shows the killing update: how one step’s batch pushed the unit’s bias and weights so far that z ≤ 0 for every training point. At which step do the first units die?',
        zh: '再次按下播放。损失图步数轴上的每个 ◆ 标记一次死亡，并把时间轴移到那里；选择其中一个，或在网络图中选择一个死亡单元，即可打开单元检查器。它会显示致死的那次更新：某一步的批如何把该单元的偏置和权重推得太远，使所有训练点上都有 z ≤ 0。最早的单元在第几步死亡？',
      },
      question: { kind: 'number', measure: { name: 'training.firstDeath' }, tolerance: 0 },
    },
    {
      panel: 'playground',
      settings: story('leakyHigh'),
      title: { en: 'Leaky ReLU, honestly', zh: '如实看待 Leaky ReLU' },
      prompt: {
        en: 'Leaky ReLU keeps a small slope below zero, so no unit can die: units go quiet and can come back. Train at the same learning rate 3 until test accuracy reaches 95 %. Then be honest about it: set the weight seed to 1 and train again. No unit dies, yet the network stalls. A leak prevents death, not every failure of a rate that is too high.',
        zh: 'Leaky ReLU 在零以下保留一个小斜率，因此没有单元会死亡：单元会沉寂，也能复苏。以同样的学习率 3 训练，直到测试准确率达到 95 %。然后如实检验：把权重种子设为 1 再训练一次。没有单元死亡，网络却停滞不前。泄漏能防止死亡，却不能挽救过高学习率带来的所有失败。',
      },
      question: { kind: 'state', conditions: [{ readout: 'testAccuracy', atLeast: 0.95 }, { setting: 'activation', equals: 'leaky_relu' }] },
    },
    {
      panel: 'softmax',
      settings: { logits: [3, 1, -3] },
      title: { en: 'Softmax and its full Jacobian', zh: 'Softmax 及其完整雅可比矩阵' },
      prompt: {
        en: 'The chapter’s slip: the derivative of softmax is not s(1 − s) entry by entry. Each probability depends on every logit, so the derivative is the full Jacobian diag(s) − s sᵀ, with off-diagonal entries −si sj. What is the entry in row s1, column ∂/∂z2?',
        zh: '本章的疏漏：softmax 的导数并不是逐项的 s(1 − s)。每个概率都依赖于所有 logit，所以导数是完整的雅可比矩阵 diag(s) − s sᵀ，其非对角元为 −si sj。第 s1 行、∂/∂z2 列的元素是多少？',
      },
      question: { kind: 'number', measure: { name: 'softmax.jacobian', row: 0, column: 1 }, tolerance: 0.001 },
    },
  ],
};
