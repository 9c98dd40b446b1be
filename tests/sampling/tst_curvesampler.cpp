// SPDX-License-Identifier: MIT
// The samples a plot draws keep every pixel column's true minimum and maximum of f and f′, for
// every activation: compared with a brute force over all N = 10⁶ samples.
#include "catalogue.h"
#include "curvesampler.h"
#include "samplegrid.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <limits>

namespace {

struct Extremes
{
    double yMin = std::numeric_limits<double>::infinity();
    double yMax = -std::numeric_limits<double>::infinity();
    double ypMin = std::numeric_limits<double>::infinity();
    double ypMax = -std::numeric_limits<double>::infinity();

    void add(double y, double yp)
    {
        yMin = std::min(yMin, y);
        yMax = std::max(yMax, y);
        ypMin = std::min(ypMin, yp);
        ypMax = std::max(ypMax, yp);
    }
    friend bool operator==(const Extremes &, const Extremes &) = default;
};

// The column of x: boundaries at viewMin + k·width (k = 1 … columns − 1), a sample on a boundary
// belongs to the column on its left. Found by scanning the boundaries, independently of
// SampleGrid::lastIndexAtOrBelow.
int columnOf(double x, double viewMin, double width, int columns)
{
    int column = std::clamp(int(std::floor((x - viewMin) / width)), 0, columns - 1);
    while (column > 0 && !(viewMin + column * width < x))
        --column;
    while (column < columns - 1 && viewMin + (column + 1) * width < x)
        ++column;
    return column;
}

} // namespace

class TestCurveSampler : public QObject
{
    Q_OBJECT

private slots:
    void columnExtremesMatchBruteForce_data();
    void columnExtremesMatchBruteForce();
    void keyPointsCoverKinksAndExtrema();
    void valuesAreTheCurvesAtExportedSamples();
};

void TestCurveSampler::columnExtremesMatchBruteForce_data()
{
    QTest::addColumn<int>("id");
    QTest::addColumn<double>("parameter");
    QTest::addColumn<double>("viewMin");
    QTest::addColumn<double>("viewMax");
    QTest::addColumn<int>("columns");
    for (const elu::Activation &row : elu::catalogue()) {
        const double p = row.parameter ? row.parameter->defaultValue : 0.0;
        const QByteArray name(row.name.data(), qsizetype(row.name.size()));
        QTest::addRow("%s whole", name.constData()) << int(row.id) << p << -4.0 << 4.0 << 1280;
        QTest::addRow("%s zoomed on the minima", name.constData())
            << int(row.id) << p << -1.4 << -0.6 << 300;
        QTest::addRow("%s zoomed on the inflections", name.constData())
            << int(row.id) << p << -2.6 << -1.3 << 200;
    }
    QTest::newRow("elu 0.5 around 0") << int(elu::ActivationId::Elu) << 0.5 << -0.01 << 0.02 << 97;
    QTest::newRow("leaky 0.2") << int(elu::ActivationId::LeakyRelu) << 0.2 << -4.0 << 4.0 << 333;
    QTest::newRow("softplus 10") << int(elu::ActivationId::Softplus) << 10.0 << -1.0 << 1.0 << 640;
}

void TestCurveSampler::columnExtremesMatchBruteForce()
{
    QFETCH(int, id);
    QFETCH(double, parameter);
    QFETCH(double, viewMin);
    QFETCH(double, viewMax);
    QFETCH(int, columns);
    elu::PlotSpec spec;
    spec.curves = {{elu::ActivationId(id), parameter}};
    spec.xmin = -4.0;
    spec.xmax = 4.0;
    spec.points = 1'000'000;
    elu::PlotSamples drawn;
    elu::samplePlot(spec, viewMin, viewMax, columns, drawn);
    QVERIFY(drawn.x.size() < 4 * std::size_t(columns) + 20); // a subset: O(columns)

    const elu::Activation &row = elu::activation(elu::ActivationId(id));
    const double width = (viewMax - viewMin) / columns;
    std::vector<Extremes> all(static_cast<std::size_t>(columns));
    std::vector<Extremes> kept(all.size());
    const elu::SampleGrid grid(spec.xmin, spec.xmax, spec.points);
    for (qint64 i = 0; i < grid.count(); ++i) {
        const double x = grid.x(i);
        if (x < viewMin || x > viewMax)
            continue;
        all[std::size_t(columnOf(x, viewMin, width, columns))].add(row.value(x, parameter),
                                                                   row.derivative(x, parameter));
    }
    for (std::size_t i = 0; i < drawn.x.size(); ++i) {
        const double x = drawn.x[i];
        if (x < viewMin || x > viewMax)
            continue;
        kept[std::size_t(columnOf(x, viewMin, width, columns))].add(drawn.y[0][i],
                                                                    drawn.yp[0][i]);
    }
    for (int c = 0; c < columns; ++c) {
        QVERIFY2(all[std::size_t(c)] == kept[std::size_t(c)],
                 qPrintable(QStringLiteral("column %1: drawn f in [%2, %3], f′ in [%4, %5]; all "
                                           "samples f in [%6, %7], f′ in [%8, %9]")
                                .arg(c)
                                .arg(kept[std::size_t(c)].yMin, 0, 'g', 17)
                                .arg(kept[std::size_t(c)].yMax, 0, 'g', 17)
                                .arg(kept[std::size_t(c)].ypMin, 0, 'g', 17)
                                .arg(kept[std::size_t(c)].ypMax, 0, 'g', 17)
                                .arg(all[std::size_t(c)].yMin, 0, 'g', 17)
                                .arg(all[std::size_t(c)].yMax, 0, 'g', 17)
                                .arg(all[std::size_t(c)].ypMin, 0, 'g', 17)
                                .arg(all[std::size_t(c)].ypMax, 0, 'g', 17)));
    }
}

void TestCurveSampler::keyPointsCoverKinksAndExtrema()
{
    using Id = elu::ActivationId;
    const std::vector<double> mixed =
        elu::samplingKeyPoints({{Id::Elu, 0.5}, {Id::Gelu, 0.0}, {Id::Relu, 0.0}});
    QVERIFY(std::is_sorted(mixed.begin(), mixed.end()));
    QCOMPARE(std::count(mixed.begin(), mixed.end(), 0.0), 1); // ELU's and ReLU's kink, once
    QVERIFY(std::any_of(mixed.begin(), mixed.end(), [](double x) { return std::abs(x + std::sqrt(2.0)) < 1e-15; }));
    QVERIFY(elu::samplingKeyPoints({{Id::Softplus, 1.0}}).empty()); // monotonic f and f′
}

void TestCurveSampler::valuesAreTheCurvesAtExportedSamples()
{
    using Id = elu::ActivationId;
    elu::PlotSpec spec;
    spec.curves = {{Id::Mish, 0.0}, {Id::LeakyRelu, 0.2}};
    spec.xmin = -3.0;
    spec.xmax = 5.0;
    spec.points = 12'345;
    elu::PlotSamples drawn;
    elu::samplePlot(spec, -3.0, 5.0, 100, drawn);
    const elu::SampleGrid grid(spec.xmin, spec.xmax, spec.points);
    QCOMPARE(drawn.y.size(), std::size_t(2));
    for (std::size_t i = 0; i < drawn.x.size(); ++i) {
        // Every x is a grid sample's, and each curve is evaluated there.
        const qint64 index = grid.lastIndexAtOrBelow(drawn.x[i]);
        QCOMPARE(grid.x(index), drawn.x[i]);
        const double x = drawn.x[i];
        QCOMPARE(drawn.y[1][i], x > 0 ? x : 0.2 * x);
        QCOMPARE(drawn.yp[1][i], x > 0 ? 1.0 : 0.2);
        QCOMPARE(drawn.y[0][i], elu::activation(Id::Mish).value(x, 0.0));
    }
}

QTEST_APPLESS_MAIN(TestCurveSampler)
#include "tst_curvesampler.moc"
