// SPDX-License-Identifier: MIT
#include "testsupport.h"
#include "elu.h"
#include "plotview.h"
#include "samplegrid.h"

#include <QSignalSpy>
#include <QWheelEvent>
#include <QTest>

#include <cmath>

class TestPlotView : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup() { m_view.reset(); }
    void burstOfChangesGivesOneUpdateWithLastValue();
    void hugePointCountPlotsOnlyWhatPixelsShow_data();
    void hugePointCountPlotsOnlyWhatPixelsShow();
    void dragPansAndResamples();
    void cursorSignalGivesPlotCoordinate();
    void everyCurveIsDrawnWithItsLegend();
    void kinkMarksFollowTheFirstCurve_data();
    void kinkMarksFollowTheFirstCurve();
    void kinkLabelsFollowTheSelectedCurve();
    void hiddenCurvesAreNotDrawn();
    void stackedPanelsShareAlignedXAxes();

private:
    std::unique_ptr<PlotView> m_view;
};

void TestPlotView::init()
{
    m_view = std::make_unique<PlotView>();
    m_view->resize(800, 500);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    QTest::qWait(0);
}

void TestPlotView::burstOfChangesGivesOneUpdateWithLastValue()
{
    QCoreApplication::processEvents();
    const int before = m_view->updateCount();
    for (int step = 1; step <= 100; ++step)
        m_view->setSpec(testsupport::eluSpec(0.02 * step, -2.0, 2.0, 1000));
    QCoreApplication::processEvents();
    QCOMPARE(m_view->updateCount(), before + 1);
    const PlotView::PlottedData data = m_view->plottedData();
    QCOMPARE(data.y.first(), elu::value(-2.0, 2.0));
    QCOMPARE(data.yp.first(), elu::derivative(-2.0, 2.0));
}

void TestPlotView::hugePointCountPlotsOnlyWhatPixelsShow_data()
{
    QTest::addColumn<qint64>("points");
    QTest::newRow("one million") << qint64(1'000'000);
    QTest::newRow("ten million") << qint64(10'000'000);
}

void TestPlotView::hugePointCountPlotsOnlyWhatPixelsShow()
{
    QFETCH(qint64, points);
    const elu::PlotSpec p = testsupport::eluSpec(0.7, -3.0, 2.0, points);
    m_view->setSpec(p);
    m_view->refresh();
    const PlotView::PlottedData data = m_view->plottedData();
    const int pixels = int(std::ceil(m_view->width() * m_view->devicePixelRatioF()));
    QVERIFY2(data.x.size() <= 2 * pixels + 6, qPrintable(QString::number(data.x.size())));
    const elu::SampleGrid grid(p.xmin, p.xmax, p.points);
    QCOMPARE(data.x.first(), p.xmin);
    QCOMPARE(data.x.last(), p.xmax);
    for (qsizetype i = 0; i < data.x.size(); ++i) {
        QCOMPARE(grid.x(grid.lastIndexAtOrBelow(data.x[i])), data.x[i]);
        QCOMPARE(data.y[i], elu::value(data.x[i], p.curves.front().parameter));
    }
}

void TestPlotView::dragPansAndResamples()
{
    m_view->setSpec(testsupport::eluSpec(1.0, -2.0, 2.0, 1000));
    m_view->refresh();
    QWidget *canvas = m_view->findChild<QWidget *>();
    double xLower, xUpper, yLower, yUpper;
    m_view->visibleRange(xLower, xUpper, yLower, yUpper);
    const QPoint start(canvas->width() / 2, canvas->height() / 2);
    QTest::mousePress(canvas, Qt::LeftButton, Qt::NoModifier, start);
    QMouseEvent move(QEvent::MouseMove, QPointF(start + QPoint(200, 0)),
                     canvas->mapToGlobal(QPointF(start + QPoint(200, 0))), Qt::LeftButton,
                     Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(canvas, &move);
    QTest::mouseRelease(canvas, Qt::LeftButton, Qt::NoModifier, start + QPoint(200, 0));
    QCoreApplication::processEvents();
    double newLower, newUpper;
    m_view->visibleRange(newLower, newUpper, yLower, yUpper);
    QVERIFY2(newLower < xLower - 0.5, "dragging right shows smaller x");
    QCOMPARE(newUpper - newLower, xUpper - xLower);
    // Resampled for the new view: no sample beyond one step outside it.
    const PlotView::PlottedData data = m_view->plottedData();
    QVERIFY(data.x.last() <= newUpper + 4.0 / 999 + 1e-12);
}

void TestPlotView::cursorSignalGivesPlotCoordinate()
{
    m_view->setSpec(testsupport::eluSpec(1.0, -2.0, 2.0, 1000));
    m_view->refresh();
    QWidget *canvas = m_view->findChild<QWidget *>();
    QSignalSpy moved(m_view.get(), &PlotView::cursorMoved);
    QTest::mouseMove(canvas, QPoint(canvas->width() / 2, canvas->height() / 2));
    QTRY_VERIFY(!moved.isEmpty());
    const double x = moved.last().first().toDouble();
    double xLower, xUpper, yLower, yUpper;
    m_view->visibleRange(xLower, xUpper, yLower, yUpper);
    QVERIFY(x > xLower && x < xUpper);
    QVERIFY(std::abs(x - (xLower + xUpper) / 2) < (xUpper - xLower) * 0.1);
    QTest::mouseMove(canvas, QPoint(1, 1)); // over the margin, outside the axes
    QVERIFY(std::isnan(moved.last().first().toDouble()));
}

void TestPlotView::everyCurveIsDrawnWithItsLegend()
{
    using Id = elu::ActivationId;
    elu::PlotSpec spec;
    spec.curves = {{Id::Relu, 0.0}, {Id::LeakyRelu, 0.1}, {Id::Gelu, 0.0}};
    m_view->setSpec(spec);
    m_view->refresh();
    // One entry per curve, then the key to the line styles.
    QCOMPARE(m_view->legendNames(),
             (QStringList{"ReLU", "Leaky ReLU, s = 0.1", "GELU", "f(x)", "f′(x)"}));
    // Each curve's plotted values are its own: ReLU is max(0, x), Leaky ReLU 0.1·x below 0.
    const PlotView::PlottedData relu = m_view->plottedData(0);
    const PlotView::PlottedData leaky = m_view->plottedData(1);
    QVERIFY(relu.x.size() > 100);
    for (qsizetype i = 0; i < relu.x.size(); ++i) {
        const double x = relu.x[i];
        QCOMPARE(relu.y[i], x > 0 ? x : 0.0);
        QCOMPARE(leaky.y[i], x > 0 ? x : 0.1 * x);
    }
    QVERIFY(m_view->plottedData(3).x.isEmpty()); // no fourth curve

    // Back to one curve: two legend entries again, and no graph left behind.
    m_view->setSpec(testsupport::eluSpec(0.5));
    m_view->refresh();
    QCOMPARE(m_view->legendNames(), (QStringList{"ELU(x), α = 0.5", "ELU′(x), α = 0.5"}));
}

void TestPlotView::kinkMarksFollowTheFirstCurve_data()
{
    using Id = elu::ActivationId;
    QTest::addColumn<int>("id");
    QTest::addColumn<double>("parameter");
    QTest::addColumn<QString>("labels");
    QTest::newRow("elu 0.5") << int(Id::Elu) << 0.5 << "ELU′(0⁻) = 0.5 ELU′(0⁺) = 1";
    QTest::newRow("elu 1") << int(Id::Elu) << 1.0 << "ELU′(0) = 1 from both sides";
    QTest::newRow("relu") << int(Id::Relu) << 0.0 << "ReLU′(0⁻) = 0 ReLU′(0⁺) = 1";
    QTest::newRow("selu") << int(Id::Selu) << 0.0 << "SELU′(0⁻) ≈ 1.7581 SELU′(0⁺) ≈ 1.0507";
    QTest::newRow("celu") << int(Id::Celu) << 2.0 << "CELU′(0) = 1 from both sides";
    QTest::newRow("gelu has none") << int(Id::Gelu) << 0.0 << "";
    QTest::newRow("leaky at 1 has none") << int(Id::LeakyRelu) << 1.0 << "";
}

void TestPlotView::kinkMarksFollowTheFirstCurve()
{
    QFETCH(int, id);
    QFETCH(double, parameter);
    QFETCH(QString, labels);
    elu::PlotSpec spec;
    spec.curves = {{elu::ActivationId(id), parameter}, {elu::ActivationId::Tanh, 0.0}};
    m_view->setSpec(spec);
    m_view->refresh();
    QCOMPARE(m_view->kinkLabels(), labels);
}

void TestPlotView::kinkLabelsFollowTheSelectedCurve()
{
    using Id = elu::ActivationId;
    elu::PlotSpec spec;
    spec.curves = {{Id::Elu, 0.5}, {Id::Relu, 0.0}, {Id::Gelu, 0.0}};
    m_view->setSpec(spec);
    m_view->refresh();
    QCOMPARE(m_view->kinkLabels(), QStringLiteral("ELU′(0⁻) = 0.5 ELU′(0⁺) = 1"));
    QVERIFY(m_view->model()->setSelectedCurve(1));
    m_view->refresh();
    QCOMPARE(m_view->kinkLabels(), QStringLiteral("ReLU′(0⁻) = 0 ReLU′(0⁺) = 1"));
    QVERIFY(m_view->model()->setSelectedCurve(2)); // GELU has no kink: no labels
    m_view->refresh();
    QCOMPARE(m_view->kinkLabels(), QString());
}

void TestPlotView::hiddenCurvesAreNotDrawn()
{
    using Id = elu::ActivationId;
    elu::PlotSpec spec;
    spec.curves = {{Id::Sigmoid, 0.0}, {Id::Tanh, 0.0}, {Id::Selu, 0.0}};
    m_view->setSpec(spec);
    m_view->refresh();
    const int allThree = m_view->drawnVertexCount();
    QVERIFY(m_view->model()->setCurveVisible(1, false));
    m_view->refresh();
    QCOMPARE(m_view->legendNames(), (QStringList{"Sigmoid", "SELU", "f(x)", "f′(x)"}));
    QVERIFY(m_view->drawnVertexCount() < allThree);
    // The second drawn curve is now SELU: λ·x for x > 0.
    const PlotView::PlottedData selu = m_view->plottedData(1);
    for (qsizetype i = 0; i < selu.x.size(); ++i) {
        if (selu.x[i] > 0)
            QCOMPARE(selu.y[i], 1.0507009873554805 * selu.x[i]);
    }
    // A curve alone with its palette colour is drawn in the single-curve pair of colours.
    QVERIFY(m_view->model()->setCurveVisible(0, false));
    QVERIFY(m_view->model()->setCurveVisible(1, false));
    m_view->refresh();
    QCOMPARE(m_view->legendNames(), (QStringList{"SELU(x)", "SELU′(x)"}));
}

void TestPlotView::stackedPanelsShareAlignedXAxes()
{
    elu::PlotSpec spec = testsupport::eluSpec(0.5);
    spec.curves.push_back({elu::ActivationId::Softplus, 2.0});
    m_view->setSpec(spec);
    m_view->model()->setLayout(elu::PlotLayout::Stacked);
    m_view->refresh();
    const QRect top = m_view->valuePanelRect();
    const QRect bottom = m_view->derivativePanelRect();
    QVERIFY(!bottom.isEmpty());
    QVERIFY(bottom.top() >= top.bottom());
    QCOMPARE(bottom.left(), top.left()); // aligned, whatever the tick labels' widths
    QCOMPARE(bottom.right(), top.right());

    // A wheel zoom over the lower panel zooms both panels' x alike.
    QWidget *canvas = m_view->findChild<QWidget *>();
    double xLower, xUpper, yLower, yUpper;
    m_view->visibleRange(xLower, xUpper, yLower, yUpper);
    const QPoint centre = bottom.center();
    QWheelEvent wheel(centre, canvas->mapToGlobal(centre), QPoint(), QPoint(0, 240), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(canvas, &wheel);
    m_view->refresh();
    double zoomedLower, zoomedUpper;
    m_view->visibleRange(zoomedLower, zoomedUpper, yLower, yUpper);
    QVERIFY2(zoomedUpper - zoomedLower < 0.9 * (xUpper - xLower), "the wheel zoomed in");
    QCOMPARE(m_view->valuePanelRect().left(), m_view->derivativePanelRect().left());
    // The upper panel shows f only: its y range fits the curves' values, not the derivative's
    // (softplus′ ≤ 1, ELU ≥ −0.5 on the view).
    QVERIFY(yLower > -0.6);

    // Back to one panel.
    m_view->model()->setLayout(elu::PlotLayout::Overlaid);
    m_view->refresh();
    QVERIFY(m_view->derivativePanelRect().isEmpty());
    QCOMPARE(m_view->legendNames().size(), 4);
}

QTEST_MAIN(TestPlotView)
#include "tst_plotview.moc"
