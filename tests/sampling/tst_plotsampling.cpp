// SPDX-License-Identifier: MIT
#include "elu.h"
#include "plotsampling.h"
#include "samplegrid.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <ranges>
#include <vector>

namespace {

constexpr double inf = std::numeric_limits<double>::infinity();
/// ELU's one key point, its kink (tst_curvesampler covers every activation's).
constexpr double eluKeyPoints[] = {0.0};

/// A grid of `count` samples on [gridMin, gridMax] seen through `columns` pixel columns
/// showing [viewMin, viewMax].
struct Case
{
    double gridMin, gridMax;
    qint64 count;
    double viewMin, viewMax;
    int columns;
};

/// Found by bisection on grid.x, independently of SampleGrid::lastIndexAtOrBelow.
struct Geometry
{
    qint64 firstIn;        // first sample with x ≥ viewMin
    qint64 lastIn;         // last sample with x ≤ viewMax (lastIn < firstIn: none in view)
    qint64 firstAboveZero; // first sample with x > 0: it and the one before straddle 0
    qint64 beyondLeft;     // the sample whose line crosses the left edge, or −1
    qint64 beyondRight;    // the sample whose line crosses the right edge, or −1
};

/// The first index whose x satisfies `predicate` (false below it, true from it on), by bisection.
template<class Predicate> qint64 firstWhere(const elu::SampleGrid &grid, Predicate predicate)
{
    return *std::ranges::partition_point(std::views::iota(qint64(0), grid.count()),
                                         [&](qint64 i) { return !predicate(grid.x(i)); });
}

Geometry geometryOf(const elu::SampleGrid &grid, const Case &c)
{
    Geometry g{firstWhere(grid, [&](double x) { return x >= c.viewMin; }),
               firstWhere(grid, [&](double x) { return x > c.viewMax; }) - 1,
               firstWhere(grid, [](double x) { return x > 0.0; }), -1, -1};
    // No line crosses an edge that lies exactly on a sample.
    if (g.firstIn > 0 && !(g.firstIn < grid.count() && grid.x(g.firstIn) == c.viewMin))
        g.beyondLeft = g.firstIn - 1;
    if (g.lastIn < grid.count() - 1 && !(g.lastIn >= 0 && grid.x(g.lastIn) == c.viewMax))
        g.beyondRight = g.lastIn + 1;
    return g;
}

/// The pixel columns [first, last] that show a sample at x inside the view: one column, or both
/// columns when x lies on the boundary between them (up to rounding), where it is drawn.
std::pair<int, int> columnsOf(double x, const Case &c)
{
    const long double pixel = (static_cast<long double>(x) - c.viewMin)
                              / (static_cast<long double>(c.viewMax) - c.viewMin) * c.columns;
    const long double nearest = std::round(pixel);
    int first = int(std::floor(pixel)), last = first;
    if (std::abs(pixel - nearest) < 1e-9L)
        first = int(nearest) - 1, last = int(nearest);
    return {std::max(first, 0), std::min(last, c.columns - 1)};
}

/// What a pixel column holds: its first and last sample and the extremes of ELU and ELU′.
struct Column
{
    qint64 first = -1, last = -1;
    double yMin = inf, yMax = -inf, ypMin = inf, ypMax = -inf;
};

/// Scans `indices` (ascending). With `withBeyondEdges`, the sample just beyond each edge of the
/// view joins the edge column: the line from it is what the plot draws into that column.
template<class Indices>
std::vector<Column> scan(const elu::SampleGrid &grid, const Case &c, const Geometry &g,
                         double alpha, const Indices &indices, bool withBeyondEdges)
{
    std::vector<Column> columns(std::size_t(c.columns));
    for (const qint64 i : indices) {
        const double x = grid.x(i);
        std::pair<int, int> span = columnsOf(x, c);
        if (withBeyondEdges && (i == g.beyondLeft || i == g.beyondRight)) {
            span = i < g.firstIn ? std::pair{0, 0} : std::pair{c.columns - 1, c.columns - 1};
        } else if (i < g.firstIn || i > g.lastIn) {
            continue;
        }
        const double y = elu::value(x, alpha), yp = elu::derivative(x, alpha);
        for (int k = span.first; k <= span.second; ++k) {
            Column &column = columns[std::size_t(k)];
            column.first = column.first < 0 ? i : column.first;
            column.last = i;
            column.yMin = std::min(column.yMin, y), column.yMax = std::max(column.yMax, y);
            column.ypMin = std::min(column.ypMin, yp), column.ypMax = std::max(column.ypMax, yp);
        }
    }
    return columns;
}

bool contains(const std::vector<qint64> &sorted, qint64 index)
{
    return std::binary_search(sorted.begin(), sorted.end(), index);
}

/// Empty when `indices` are sorted, unique samples whose line reaches both edges of the view
/// (or the grid's ends inside it) with at most one sample beyond each edge.
QString shapeError(const elu::SampleGrid &grid, const Case &c, const Geometry &g,
                   const std::vector<qint64> &indices)
{
    if (indices.empty() || indices.front() < 0 || indices.back() >= grid.count()
        || std::ranges::adjacent_find(indices, std::greater_equal<>()) != indices.end())
        return QStringLiteral("not sorted, unique samples of the grid");
    const qint64 front = indices.front(), back = indices.back();
    if (c.gridMin < c.viewMin ? !(grid.x(front) <= c.viewMin && front >= g.firstIn - 1)
                              : front != 0)
        return QStringLiteral("line starts at sample %1, x = %2").arg(front).arg(grid.x(front));
    if (c.gridMax > c.viewMax ? !(grid.x(back) >= c.viewMax && back <= g.lastIn + 1)
                              : back != grid.count() - 1)
        return QStringLiteral("line ends at sample %1, x = %2").arg(back).arg(grid.x(back));
    return {};
}

/// A case's grid, its geometry, what plotSampleIndices returns for it and shapeError of that.
struct Sampled
{
    elu::SampleGrid grid;
    Geometry g;
    std::vector<qint64> indices;
    QString shape;
};

Sampled sampled(const Case &c)
{
    const elu::SampleGrid grid(c.gridMin, c.gridMax, c.count);
    const Geometry g = geometryOf(grid, c);
    auto indices = elu::plotSampleIndices(grid, c.viewMin, c.viewMax, c.columns, eluKeyPoints);
    QString shape = shapeError(grid, c, g, indices);
    return {grid, g, std::move(indices), std::move(shape)};
}

/// Every sample from the one before the view to the one after it.
auto every(const elu::SampleGrid &grid, const Geometry &g)
{
    return std::views::iota(std::max<qint64>(0, g.firstIn - 1),
                            std::min(grid.count(), g.lastIn + 2));
}

QString interval(double low, double high)
{
    return QStringLiteral("[%1, %2]").arg(low, 0, 'g', 17).arg(high, 0, 'g', 17);
}

/// Views that hold many samples per column: views that cut the grid, hold 0 or miss it.
const std::vector<std::pair<const char *, Case>> &decimatedCases()
{
    static const std::vector<std::pair<const char *, Case>> cases{
        {"1e6 whole grid", {-2, 2, 1'000'000, -2, 2, 800}},
        {"1e6 cut, holds 0", {-2, 2, 1'000'000, -0.3, 1.7, 1000}},
        {"1e6 negative side", {-2, 2, 1'000'000, -1.9, -0.4, 640}},
        {"1e6 positive side", {-2, 2, 1'000'000, 0.5, 1.5, 500}},
        {"1e6 wider than grid", {-2, 2, 1'000'000, -3, 1, 700}},
        {"1e6 narrow around 0", {-2, 2, 1'000'000, -0.01, 0.002, 100}},
        {"1e6 0 mid-column", {-2, 2, 1'000'000, -1.25, 1.85, 640}},
        // Samples every 2⁻¹⁸, columns 2⁻⁸ or 2⁻⁷ wide: samples exactly on boundaries and on 0.
        {"dyadic ties", {-2, 2, (1 << 20) + 1, -2, 2, 1024}},
        {"dyadic zoomed ties", {-2, 2, (1 << 20) + 1, -0.5, 0.25, 96}},
        {"grid right of 0", {0.5, 3, 1'000'000, 0.25, 2.75, 640}},
        {"1e7 whole grid", {-2, 2, 10'000'000, -2, 2, 1000}},
        {"1e7 zoomed, 0 mid-column", {-2, 2, 10'000'000, -0.07, 0.11, 1000}},
    };
    return cases;
}

} // namespace

Q_DECLARE_METATYPE(Case)

class TestPlotSampling : public QObject
{
    Q_OBJECT

private slots:
    void allSamplesWhenFew_data();
    void allSamplesWhenFew();
    void decimated_data();
    void decimated();
    void columnExtremesAreKept_data();
    void columnExtremesAreKept();
    void unusualViews_data();
    void unusualViews();
};

void TestPlotSampling::allSamplesWhenFew_data()
{
    QTest::addColumn<Case>("c");
    QTest::newRow("article grid") << Case{-2, 2, 1000, -2, 2, 800};
    QTest::newRow("1e6 zoomed in") << Case{-2, 2, 1'000'000, -0.001, 0.001, 800};
    QTest::newRow("view between two samples") << Case{-2, 2, 1'000'000, 1e-6, 2e-6, 800};
    QTest::newRow("two points") << Case{-1, 1, 2, -1, 1, 1};
    QTest::newRow("view wider than grid") << Case{-2, 2, 101, -5, 5, 100};
    QTest::newRow("view past the right end") << Case{-2, 2, 1000, 1.5, 3, 300};
}

void TestPlotSampling::allSamplesWhenFew()
{
    QFETCH(Case, c);
    const auto [grid, g, indices, shape] = sampled(c);
    QVERIFY2(shape.isEmpty(), qPrintable(shape));
    // Every sample from the first to the last: all of those in view, none skipped.
    QCOMPARE(qint64(indices.size()), indices.back() - indices.front() + 1);
    QVERIFY(indices.front() <= g.firstIn && indices.back() >= g.lastIn);
}

void TestPlotSampling::decimated_data()
{
    QTest::addColumn<Case>("c");
    for (const auto &[name, c] : decimatedCases())
        QTest::newRow(name) << c;
}

void TestPlotSampling::decimated()
{
    QFETCH(Case, c);
    const auto [grid, g, indices, shape] = sampled(c);
    QVERIFY2(shape.isEmpty(), qPrintable(shape));
    QVERIFY2(indices.size() <= 2 * std::size_t(c.columns) + 6,
             qPrintable(QString::number(indices.size())));

    // The first and last sample of every column; the outermost two below.
    const std::vector<Column> columns = scan(grid, c, g, 1.0, every(grid, g), false);
    for (int k = 0; k < c.columns; ++k) {
        for (const qint64 i : {columns[std::size_t(k)].first, columns[std::size_t(k)].last}) {
            if (i >= 0 && i != g.firstIn && i != g.lastIn)
                QVERIFY2(contains(indices, i),
                         qPrintable(QStringLiteral("column %1 misses sample %2").arg(k).arg(i)));
        }
    }
    // With a sample beyond an edge, the code keeps it instead of, not as well as, the outermost
    // sample in view.
    if (g.beyondLeft >= 0)
        QVERIFY2(contains(indices, g.firstIn), qPrintable(QString::number(g.firstIn)));
    if (g.lastIn < c.count - 1)
        QVERIFY2(contains(indices, g.lastIn), qPrintable(QString::number(g.lastIn)));
    // The last sample with x ≤ 0 (ELU′ = α·eˣ) and the first with x > 0 (ELU′ = 1).
    const qint64 right = g.firstAboveZero;
    if (c.viewMin <= 0 && c.viewMax > 0 && right > 0 && right < c.count) {
        QVERIFY2(contains(indices, right - 1), qPrintable(QString::number(right - 1)));
        QVERIFY2(contains(indices, right), qPrintable(QString::number(right)));
    }
}

void TestPlotSampling::columnExtremesAreKept_data()
{
    QTest::addColumn<Case>("c");
    QTest::addColumn<double>("alpha");
    for (const auto &[name, c] : decimatedCases()) {
        for (const double alpha : {0.0, 0.5, 1.0, 3.0})
            QTest::addRow("%s, alpha %g", name, alpha) << c << alpha;
    }
}

void TestPlotSampling::columnExtremesAreKept()
{
    // What makes the decimated plot faithful: in every pixel column, the returned samples reach
    // the same lowest and highest ELU and ELU′ as all the samples in that column.
    QFETCH(Case, c);
    QFETCH(double, alpha);
    const auto [grid, g, indices, shape] = sampled(c);
    const std::vector<Column> whole = scan(grid, c, g, alpha, every(grid, g), true);
    const std::vector<Column> kept = scan(grid, c, g, alpha, indices, true);
    QString mismatch;
    for (std::size_t k = 0; k < whole.size() && mismatch.isEmpty(); ++k) {
        const Column &a = whole[k], &b = kept[k];
        if (a.yMin != b.yMin || a.yMax != b.yMax || a.ypMin != b.ypMin || a.ypMax != b.ypMax) {
            mismatch = QStringLiteral("column %1: ELU %2 kept %3, ELU′ %4 kept %5")
                           .arg(k)
                           .arg(interval(a.yMin, a.yMax), interval(b.yMin, b.yMax),
                                interval(a.ypMin, a.ypMax), interval(b.ypMin, b.ypMax));
        }
    }
    // Its right edge, x = 0.25, is a sample, which the last column loses (see decimated).
    if (QByteArray(QTest::currentDataTag()).startsWith("dyadic zoomed ties"))
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
}

void TestPlotSampling::unusualViews_data()
{
    QTest::addColumn<Case>("c");
    QTest::addColumn<bool>("missesGrid");
    const double nan = std::nan("");
    QTest::newRow("right of grid") << Case{-2, 2, 1'000'000, 3, 4, 800} << true;
    QTest::newRow("just right of grid")
        << Case{-2, 2, 1'000'000, std::nextafter(2.0, 3.0), 3, 800} << true;
    QTest::newRow("left of grid") << Case{-2, 2, 1000, -10, -2.5, 800} << true;
    QTest::newRow("just left of grid")
        << Case{-2, 2, 1000, -3, std::nextafter(-2.0, -3.0), 800} << true;
    QTest::newRow("inverted") << Case{-2, 2, 1'000'000, 1, -1, 800} << true;
    QTest::newRow("empty") << Case{-2, 2, 1'000'000, 0.5, 0.5, 800} << true;
    QTest::newRow("nan min") << Case{-2, 2, 1'000'000, nan, 1, 800} << true;
    QTest::newRow("nan max") << Case{-2, 2, 1'000'000, -1, nan, 800} << true;
    // Nonsense that must still give valid samples, not a crash.
    QTest::newRow("no columns") << Case{-2, 2, 1'000'000, -2, 2, 0} << false;
    QTest::newRow("negative columns") << Case{-2, 2, 1'000'000, -1, 1, -5} << false;
    QTest::newRow("infinite view") << Case{-2, 2, 1'000'000, -inf, inf, 800} << false;
    QTest::newRow("view wider than DBL_MAX") << Case{-2, 2, 1'000'000, -1e308, 1e308, 800} << false;
    QTest::newRow("huge grid") << Case{-1e308, 1e308, 1'000'000, -1e308, 1e308, 800} << false;
}

void TestPlotSampling::unusualViews()
{
    QFETCH(Case, c);
    QFETCH(bool, missesGrid);
    const auto [grid, g, indices, shape] = sampled(c);
    if (missesGrid) {
        QVERIFY(indices.empty());
    } else {
        QVERIFY2(shape.isEmpty(), qPrintable(shape));
        QVERIFY(indices.size() <= 2 * std::size_t(std::max(c.columns, 1)) + 6);
    }
}

QTEST_APPLESS_MAIN(TestPlotSampling)
#include "tst_plotsampling.moc"
