// Strings of the training panel's export buttons (web/src/panels/playground/exports.js).
export default {
  en: {
    lossChart: 'the loss and accuracy chart',
    deadChart: 'the dead units chart',
    gradientChart: 'the gradient size per layer chart',
    diagram: 'the network diagram',
    decision: 'the output heatmap',
    history: 'History CSV',
    historyLabel: 'History CSV: save the training history, every recorded step',
    failed: 'Could not save {file}: {message}',
    dead: 'dead units',
    dormant: 'dormant units',
  },
  zh: {
    lossChart: '损失与准确率图',
    deadChart: '死亡单元图',
    gradientChart: '各层梯度大小图',
    diagram: '网络结构图',
    decision: '输出热力图',
    history: '历史 CSV',
    historyLabel: '历史 CSV：保存训练历史（每个记录的步）',
    failed: '无法保存 {file}：{message}',
    dead: '死亡单元',
    dormant: '休眠单元',
  },
};
