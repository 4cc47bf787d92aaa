// Strings of the export buttons under charts (web/src/export.js).
export default {
  en: {
    toolbar: 'Save {chart}',
    png: 'PNG',
    csv: 'CSV',
    pngLabel: 'Save {chart} as a PNG image',
    csvLabel: 'Save the data of {chart} as CSV',
    saved: 'Saved {file}',
    series: 'series',
    x: 'x',
    y: 'y',
  },
  zh: {
    toolbar: '保存{chart}',
    png: 'PNG',
    csv: 'CSV',
    pngLabel: '将{chart}保存为 PNG 图片',
    csvLabel: '将{chart}的数据保存为 CSV',
    saved: '已保存 {file}',
    series: '序列',
    x: 'x',
    y: 'y',
  },
};
