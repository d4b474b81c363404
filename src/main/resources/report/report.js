// Draws every chart of the page from the figures listed inside its <figure>: each bar or point
// is an element carrying data-value, so the chart shows exactly what the page states.
(function () {
  var figures = document.querySelectorAll('figure.chart');
  for (var i = 0; i < figures.length; i++) {
    var fig = figures[i];
    var plot = fig.querySelector('.plot');
    var items = fig.querySelectorAll('.chart-data [data-value]');
    var labels = [], values = [];
    for (var j = 0; j < items.length; j++) {
      labels.push(items[j].getAttribute('data-label'));
      var v = items[j].getAttribute('data-value');
      values.push(v === '' ? null : parseFloat(v));
    }
    var unit = fig.getAttribute('data-unit') || '';
    var rate = unit === '%';
    var chart = echarts.init(plot, null, { renderer: 'svg' });
    var label = { show: true, fontSize: 10,
      formatter: function (p) { return p.value == null ? '' : (rate ? p.value.toFixed(2) + '%' : p.value.toLocaleString('en-US')); } };
    var option;
    if (fig.getAttribute('data-type') === 'bar') {
      // every bar starts at zero, so its length is proportional to its value (the axis is not
      // drawn; one from 91 to 100 drew a bar of 96% five eighths as long as one of 99%)
      option = {
        animation: false,
        grid: { left: 8, right: 56, top: 4, bottom: 4, containLabel: true },
        xAxis: { type: 'value', show: false, min: 0, max: rate ? 100 : null },
        yAxis: { type: 'category', data: labels, inverse: true, axisTick: { show: false },
          axisLabel: { fontSize: 10 } },
        series: [{ type: 'bar', data: values, barMaxWidth: 14, label: Object.assign({ position: 'right' }, label),
          itemStyle: { color: '#b91c1c' } }]
      };
    } else {
      option = {
        animation: false,
        grid: { left: 8, right: 24, top: 20, bottom: 4, containLabel: true },
        xAxis: { type: 'category', data: labels, axisLabel: { fontSize: 10 } },
        yAxis: { type: 'value', scale: true, axisLabel: { fontSize: 9 } },
        series: [{ type: 'line', data: values, symbolSize: 6, label: Object.assign({ position: 'top' }, label),
          itemStyle: { color: '#b91c1c' } }]
      };
    }
    chart.setOption(option);
  }
})();
