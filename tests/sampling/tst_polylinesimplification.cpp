// SPDX-License-Identifier: MIT
#include "elu.h"
#include "polylinesimplification.h"

#include <QRandomGenerator>
#include <QTest>

#include <cmath>

namespace {

double distanceToSegment(double px, double py, double ax, double ay, double bx, double by)
{
    const double dx = bx - ax, dy = by - ay;
    const double length2 = dx * dx + dy * dy;
    const double t =
        length2 > 0 ? std::clamp(((px - ax) * dx + (py - ay) * dy) / length2, 0.0, 1.0) : 0.0;
    return std::hypot(ax + t * dx - px, ay + t * dy - py);
}

} // namespace

class TestPolylineSimplification : public QObject
{
    Q_OBJECT

private slots:
    void tinyInputsKeptWhole();
    void straightRunBecomesOneSegment();
    void droppedPointsStayWithinTolerance_data();
    void droppedPointsStayWithinTolerance();
};

void TestPolylineSimplification::tinyInputsKeptWhole()
{
    QCOMPARE(elu::simplifyPolyline({}, {}, 0.2).size(), std::size_t(0));
    QCOMPARE(elu::simplifyPolyline({1.0}, {2.0}, 0.2), (std::vector<std::size_t>{0}));
    QCOMPARE(elu::simplifyPolyline({1.0, 2.0}, {2.0, 3.0}, 0.2), (std::vector<std::size_t>{0, 1}));
}

void TestPolylineSimplification::straightRunBecomesOneSegment()
{
    std::vector<double> xs, ys;
    for (int i = 0; i <= 1000; ++i) {
        xs.push_back(i);
        ys.push_back(0.5 * i + 3); // ELU for x > 0 is exactly such a line
    }
    QCOMPARE(elu::simplifyPolyline(xs, ys, 0.2), (std::vector<std::size_t>{0, 1000}));
}

void TestPolylineSimplification::droppedPointsStayWithinTolerance_data()
{
    QTest::addColumn<QString>("shape");
    QTest::addColumn<double>("tolerance");
    QTest::newRow("ELU, alpha 1.5, pixel scale") << "elu" << 0.2;
    QTest::newRow("ELU derivative with the jump") << "derivative" << 0.2;
    QTest::newRow("random walk") << "random" << 0.5;
    QTest::newRow("random walk, zero tolerance") << "random" << 0.0;
}

void TestPolylineSimplification::droppedPointsStayWithinTolerance()
{
    QFETCH(QString, shape);
    QFETCH(double, tolerance);
    std::vector<double> xs, ys;
    QRandomGenerator random(7);
    for (int i = 0; i < 2560; ++i) {
        const double x = -2.0 + 4.0 * i / 2559.0;
        xs.push_back(x * 320); // 320 pixels per unit
        if (shape == QLatin1String("elu"))
            ys.push_back(elu::value(x, 1.5) * 200);
        else if (shape == QLatin1String("derivative"))
            ys.push_back(elu::derivative(x, 0.4) * 200);
        else
            ys.push_back((ys.empty() ? 0.0 : ys.back()) + random.bounded(2.0) - 1.0);
    }
    const std::vector<std::size_t> kept = elu::simplifyPolyline(xs, ys, tolerance);
    QCOMPARE(kept.front(), std::size_t(0));
    QCOMPARE(kept.back(), xs.size() - 1);
    QVERIFY(std::is_sorted(kept.begin(), kept.end()));
    if (shape != QLatin1String("random"))
        QVERIFY2(kept.size() < xs.size() / 10, qPrintable(QString::number(kept.size())));
    for (std::size_t k = 0; k + 1 < kept.size(); ++k) {
        const std::size_t a = kept[k], b = kept[k + 1];
        for (std::size_t i = a + 1; i < b; ++i)
            QVERIFY(distanceToSegment(xs[i], ys[i], xs[a], ys[a], xs[b], ys[b])
                    <= tolerance + 1e-9);
    }
}

QTEST_APPLESS_MAIN(TestPolylineSimplification)
#include "tst_polylinesimplification.moc"
