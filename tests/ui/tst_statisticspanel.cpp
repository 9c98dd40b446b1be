// SPDX-License-Identifier: MIT
// The statistics panel driven as a person would: View ▸ Statistics, typing μ and σ, the
// sliders by keyboard, the window's parameter control, Copy table, Export statistics…; the
// table, the plot's marker and the SELU layer map must follow, as the core computes them.
#include "mainwindow.h"
#include "momentsplot.h"
#include "momentstablemodel.h"
#include "numberspinbox.h"
#include "parametercontrols.h"
#include "sliderspinbox.h"
#include "statisticspanel.h"
#include "statswriter.h"
#include "windowsupport.h"

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QTableView>
#include <QTemporaryDir>
#include <QImage>
#include <QFile>
#include <QSet>
#include <QTest>

#include <cmath>

using elu::ActivationId;

class TestStatisticsPanel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void viewMenuShowsThePanel();
    void typingMuAndSigma();
    void slidersByKeyboardRecomputeOncePerPass();
    void parameterEditMovesTableAndMarker();
    void copyTablePutsTextOnTheClipboard();
    void activationWithoutParameterShowsANote();
    void seluLayerMapApproachesTheFixedPoint();
    void exportStatisticsFromTheFileMenu();
    void sessionCarriesTheInput();
    void plotIsSavedAsAFigure();

private:
    StatisticsPanel *panel() const { return m_window->statisticsPanel(); }
    void showPanel();
    // The table's text in row `row`, column `column`.
    QString cell(int row, int column) const
    {
        const QAbstractItemModel *model = panel()->table()->model();
        return model->data(model->index(row, column)).toString();
    }
    // Every number of the table against gaussianMoments for the model's curves and `input`.
    void verifyTable(const elu::GaussianInput &input) const;
    static void type(NumberSpinBox *spinBox, const QString &text);

    QTemporaryDir m_config;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;
};

void TestStatisticsPanel::init()
{
    QVERIFY(testsupport::openWindow(m_settings, m_window,
                                    m_config.filePath(QStringLiteral("test.ini")),
                                    QSize(1200, 900)));
}

void TestStatisticsPanel::cleanup()
{
    m_window.reset();
    m_settings.reset();
}

void TestStatisticsPanel::showPanel()
{
    if (!panel()->isVisible())
        panel()->toggleViewAction()->trigger();
    QTRY_VERIFY(panel()->isVisible());
    QCoreApplication::processEvents();
}

void TestStatisticsPanel::type(NumberSpinBox *spinBox, const QString &text)
{
    QLineEdit *edit = spinBox->findChild<QLineEdit *>();
    spinBox->setFocus();
    edit->selectAll();
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return);
    QCoreApplication::processEvents();
}

void TestStatisticsPanel::verifyTable(const elu::GaussianInput &input) const
{
    const std::vector<elu::Curve> &curves = m_window->model()->spec().curves;
    QCOMPARE(panel()->table()->model()->rowCount(), int(curves.size()));
    for (std::size_t i = 0; i < curves.size(); ++i) {
        const elu::Moments m = elu::gaussianMoments(curves[i], input);
        const int row = int(i);
        QCOMPARE(cell(row, MomentsTableModel::CurveColumn), curves[i].displayLabel());
        QCOMPARE(cell(row, MomentsTableModel::MeanColumn), elu::formatNumber(m.mean));
        QCOMPARE(cell(row, MomentsTableModel::VarianceColumn), elu::formatNumber(m.variance));
        QCOMPARE(cell(row, MomentsTableModel::MeanDerivativeColumn),
                 elu::formatNumber(m.meanDerivative));
        QCOMPARE(cell(row, MomentsTableModel::MeanDerivativeSquaredColumn),
                 elu::formatNumber(m.meanDerivativeSquared));
    }
}

void TestStatisticsPanel::viewMenuShowsThePanel()
{
    QVERIFY(!panel()->isVisible()); // the article's window first
    QAction *toggle = nullptr;
    for (QAction *menu : m_window->menuBar()->actions()) {
        for (QAction *action : menu->menu() ? menu->menu()->actions() : QList<QAction *>()) {
            if (action == panel()->toggleViewAction())
                toggle = action;
        }
    }
    QVERIFY2(toggle, "View ▸ Statistics is missing");
    toggle->trigger();
    QTRY_VERIFY(panel()->isVisible());
    QTRY_COMPARE(panel()->table()->model()->rowCount(), 1);
    QCOMPARE(panel()->input(), (elu::GaussianInput{0.0, 1.0}));
    verifyTable({0.0, 1.0});
}

void TestStatisticsPanel::typingMuAndSigma()
{
    showPanel();
    type(panel()->muControl()->spinBox(), QStringLiteral("0.5"));
    type(panel()->sigmaControl()->spinBox(), QStringLiteral("2"));
    QCOMPARE(panel()->input(), (elu::GaussianInput{0.5, 2.0}));
    QCOMPARE(panel()->muControl()->slider()->value(),
             panel()->muControl()->slider()->maximum() * 21 / 40); // μ = 0.5 of −10 to 10
    verifyTable({0.5, 2.0});
    // A value outside the accepted input is not taken.
    type(panel()->sigmaControl()->spinBox(), QStringLiteral("0"));
    QVERIFY(panel()->input().sigma >= elu::limits::sigmaMin);
    verifyTable(panel()->input());
}

void TestStatisticsPanel::slidersByKeyboardRecomputeOncePerPass()
{
    showPanel();
    QSlider *mu = panel()->muControl()->slider();
    mu->setFocus();
    QSignalSpy recomputed(panel()->tableModel(), &QAbstractItemModel::dataChanged);
    for (int i = 0; i < 10; ++i)
        QTest::keyClick(mu, Qt::Key_Right); // ten steps of 0.01, delivered in one pass
    QCOMPARE(panel()->input().mu, 0.1);
    QCOMPARE(recomputed.count(), 0);
    QCoreApplication::processEvents();
    QCOMPARE(recomputed.count(), 1);
    verifyTable({0.1, 1.0});

    QSlider *sigma = panel()->sigmaControl()->slider();
    sigma->setFocus();
    QTest::keyClick(sigma, Qt::Key_End);
    QCoreApplication::processEvents();
    QCOMPARE(panel()->input().sigma, elu::limits::sigmaMax);
    QCOMPARE(panel()->sigmaControl()->spinBox()->value(), elu::limits::sigmaMax);
    verifyTable({0.1, elu::limits::sigmaMax});
    QTest::keyClick(sigma, Qt::Key_Home);
    QCoreApplication::processEvents();
    QCOMPARE(panel()->input().sigma, elu::limits::sigmaMin);
    verifyTable({0.1, elu::limits::sigmaMin});
}

void TestStatisticsPanel::parameterEditMovesTableAndMarker()
{
    showPanel();
    QVERIFY(m_window->model()->addCurves({{ActivationId::Relu, 0.0}}).isEmpty());
    QVERIFY(m_window->model()->setSelectedCurve(0)); // ELU
    QCoreApplication::processEvents();
    const MomentsPlot *plot = panel()->plot();
    QCOMPARE(plot->markerParameter(), 1.0);
    QVERIFY(plot->note().isEmpty());
    QCOMPARE(plot->series().parameters.front(), 0.0); // α from 0 to 3
    QCOMPARE(plot->series().parameters.back(), 3.0);
    const QPointF before = plot->markerPosition();

    type(m_window->controls()->alphaControl()->spinBox(), QStringLiteral("2"));
    QCOMPARE(m_window->model()->selected().parameter, 2.0);
    verifyTable({0.0, 1.0});
    const elu::Moments m = elu::gaussianMoments({ActivationId::Elu, 2.0}, {0.0, 1.0});
    QCOMPARE(plot->markerParameter(), 2.0);
    QCOMPARE(plot->markerMean(), m.mean);
    QCOMPARE(plot->markerVariance(), m.variance);
    const QPointF after = plot->markerPosition();
    QVERIFY2(after.x() > before.x() + 10, "the marker moves right with α");
    QVERIFY2(after.y() > before.y(), "the mean falls as α grows: the marker moves down");

    // Beyond the plotted interval, the interval grows to include the value.
    type(m_window->controls()->alphaControl()->spinBox(), QStringLiteral("7"));
    QVERIFY(plot->series().parameters.back() >= 7.0);
    QCOMPARE(plot->markerParameter(), 7.0);

    // The window's α slider, by keyboard: the table and the marker follow within a pass.
    QSlider *alpha = m_window->controls()->alphaControl()->slider();
    alpha->setFocus();
    QTest::keyClick(alpha, Qt::Key_PageDown);
    QCoreApplication::processEvents();
    QVERIFY(m_window->model()->selected().parameter < 7.0);
    QCOMPARE(plot->markerParameter(), m_window->model()->selected().parameter);
    verifyTable({0.0, 1.0});
}

void TestStatisticsPanel::copyTablePutsTextOnTheClipboard()
{
    showPanel();
    QVERIFY(m_window->model()->addCurves({{ActivationId::Selu, 0.0}}).isEmpty());
    QCoreApplication::processEvents();
    QGuiApplication::clipboard()->clear();
    QTest::mouseClick(panel()->copyButton(), Qt::LeftButton);
    const QStringList lines = QGuiApplication::clipboard()->text().split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 4); // header, two curves, the final newline
    QCOMPARE(lines[0], QStringLiteral("Curve\tE[f(X)]\tVar[f(X)]\tE[f′(X)]\tE[f′(X)²]"));
    const elu::Moments selu = elu::gaussianMoments({ActivationId::Selu, 0.0}, {0.0, 1.0});
    QCOMPARE(lines[2], QStringLiteral("SELU\t%1\t%2\t%3\t%4")
                           .arg(elu::formatNumber(selu.mean), elu::formatNumber(selu.variance),
                                elu::formatNumber(selu.meanDerivative),
                                elu::formatNumber(selu.meanDerivativeSquared)));
    QVERIFY(lines[3].isEmpty());
}

void TestStatisticsPanel::activationWithoutParameterShowsANote()
{
    showPanel();
    QVERIFY(m_window->model()->addCurves({{ActivationId::Gelu, 0.0}}).isEmpty());
    QCoreApplication::processEvents();
    QVERIFY(panel()->plot()->note().contains(QStringLiteral("GELU")));
    QVERIFY(std::isnan(panel()->plot()->markerParameter()));
    QVERIFY(!panel()->layerMapLabel()->isVisible()); // no SELU in the plot
}

void TestStatisticsPanel::seluLayerMapApproachesTheFixedPoint()
{
    showPanel();
    QVERIFY(m_window->model()->addCurves({{ActivationId::Selu, 0.0}}).isEmpty());
    type(panel()->muControl()->spinBox(), QStringLiteral("1"));
    type(panel()->sigmaControl()->spinBox(), QStringLiteral("2"));
    QVERIFY(panel()->layerMapLabel()->isVisible());
    const QString text = panel()->layerMapLabel()->text();
    QVERIFY2(text.contains(QStringLiteral("(μ, σ²) = (1, 4)")), qPrintable(text));
    // Layer 1 is SELU's moments at the input, fed back as the next layer's input.
    const elu::Moments first = elu::gaussianMoments({ActivationId::Selu, 0.0}, {1.0, 2.0});
    QVERIFY2(
        text.contains(QStringLiteral("\n1: μ = %1, σ² = %2\n")
                          .arg(elu::formatNumber(first.mean), elu::formatNumber(first.variance))),
        qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("\n6: μ = ")));
}

void TestStatisticsPanel::exportStatisticsFromTheFileMenu()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("moments")); // the suffix is added
    panel()->setSavePathPrompt(
        [&](const QString &, const QString &, const QString &) { return path; });
    QVERIFY(panel()->setInput({-1.0, 0.5}));
    // Works with the panel hidden: File ▸ Export Statistics…
    QAction *action = panel()->exportAction();
    QVERIFY(m_window->menuBar()->actions().first()->menu()->actions().contains(action));
    action->trigger();
    QFile file(path + QStringLiteral(".json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), elu::statisticsJson({-1.0, 0.5}, m_window->model()->spec().curves));
}

void TestStatisticsPanel::sessionCarriesTheInput()
{
    showPanel();
    type(panel()->muControl()->spinBox(), QStringLiteral("-2.5"));
    type(panel()->sigmaControl()->spinBox(), QStringLiteral("0.25"));
    elu::Session session = m_window->session();
    QCOMPARE(session.statisticsMu, -2.5);
    QCOMPARE(session.statisticsSigma, 0.25);

    session.statisticsMu = 3.0;
    session.statisticsSigma = 1.5;
    QVERIFY(m_window->applySession(session).isEmpty());
    QCOMPARE(panel()->input(), (elu::GaussianInput{3.0, 1.5}));
    QCOMPARE(panel()->muControl()->spinBox()->value(), 3.0);
    QCoreApplication::processEvents();
    verifyTable({3.0, 1.5});
}

void TestStatisticsPanel::plotIsSavedAsAFigure()
{
    showPanel();
    QTemporaryDir dir;
    QStringList asked;
    panel()->setSavePathPrompt([&](const QString &, const QString &, const QString &filter) {
        asked << filter;
        return dir.filePath(QStringLiteral("moments")); // no suffix: a PNG
    });
    QTest::mouseClick(panel()->savePlotButton(), Qt::LeftButton);
    QCOMPARE(asked.size(), 1);
    const QImage png(dir.filePath(QStringLiteral("moments.png")));
    QCOMPARE(png.size(), QSize(1600, 1000)); // 800 × 500 at scale 2
    // The mean curve is drawn: the figure is not one flat colour.
    QSet<QRgb> colours;
    for (int y = 0; y < png.height(); y += 7)
        for (int x = 0; x < png.width(); x += 7)
            colours.insert(png.pixel(x, y));
    QVERIFY(colours.size() > 20);
    QVERIFY(panel()->savePlotTo(dir.filePath(QStringLiteral("moments.svg"))));
    QFile svg(dir.filePath(QStringLiteral("moments.svg")));
    QVERIFY(svg.open(QIODevice::ReadOnly));
    QVERIFY(svg.readAll().contains("<path"));
    QVERIFY(panel()->savePlotTo(dir.filePath(QStringLiteral("moments.pdf"))));
    QVERIFY(!panel()->savePlotTo(dir.filePath(QStringLiteral("moments.gif"))));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("moments.gif"))));
}

QTEST_MAIN(TestStatisticsPanel)
#include "tst_statisticspanel.moc"
