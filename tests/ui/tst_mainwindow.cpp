// SPDX-License-Identifier: MIT
#include "elu.h"
#include "mainwindow.h"
#include "numberspinbox.h"
#include "parametercontrols.h"
#include "plotview.h"
#include "samplegrid.h"
#include "sliderspinbox.h"
#include "testsupport.h"

#include <QAction>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

namespace {

// Waits for the plot's coalesced refresh after a change.
void settle(PlotView *plot)
{
    QSignalSpy updated(plot, &PlotView::plotUpdated);
    QCoreApplication::processEvents();
    if (updated.isEmpty())
        updated.wait(200);
}

// The plot shows exactly exported samples: every x is a grid point and every y, yp the core's.
void verifyPlotMatchesCore(const PlotView *plot, const elu::PlotSpec &p)
{
    const PlotView::PlottedData data = plot->plottedData();
    QVERIFY(!data.x.isEmpty());
    const elu::SampleGrid grid(p.xmin, p.xmax, p.points);
    for (qsizetype i = 0; i < data.x.size(); ++i) {
        const qint64 index = grid.lastIndexAtOrBelow(data.x[i]);
        QVERIFY2(index >= 0 && grid.x(index) == data.x[i],
                 qPrintable(QString::number(data.x[i], 'g', 17)));
        QCOMPARE(data.y[i], elu::value(data.x[i], p.curves.front().parameter));
        QCOMPARE(data.yp[i], elu::derivative(data.x[i], p.curves.front().parameter));
    }
}

SliderSpinBox *controlNamed(MainWindow &window, const QString &name)
{
    ParameterControls *controls = window.controls();
    if (name == QLatin1String("alpha"))
        return controls->alphaControl();
    return name == QLatin1String("xmin") ? controls->xminControl() : controls->xmaxControl();
}

double modelValue(MainWindow &window, const QString &name)
{
    const elu::PlotSpec &p = window.model()->spec();
    return name == QLatin1String("alpha")  ? p.curves.front().parameter
           : name == QLatin1String("xmin") ? p.xmin
                                           : p.xmax;
}

void typeInto(QAbstractSpinBox *spinBox, const QString &text)
{
    spinBox->setFocus();
    QLineEdit *edit = spinBox->findChild<QLineEdit *>();
    edit->selectAll();
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return);
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// A folder nothing can be written into, root included (an immutable folder; chmod as non-root).
bool lockFolder(const QString &folder, bool locked)
{
    if (geteuid() != 0)
        return QFile::setPermissions(folder, locked ? QFile::ReadOwner | QFile::ExeOwner
                                                    : QFile::ReadOwner | QFile::WriteOwner
                                                          | QFile::ExeOwner);
    return QProcess::execute(QStringLiteral("chattr"),
                             {locked ? QStringLiteral("+i") : QStringLiteral("-i"), folder})
           == 0;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void sliderChangesPlot_data();
    void sliderChangesPlot();
    void typingChangesPlotAndSlider_data();
    void typingChangesPlotAndSlider();
    void rangeCannotCross();
    void fewPointsShowExactSamplesWithMarkers();
    void kinkNoteFollowsAlpha_data();
    void kinkNoteFollowsAlpha();
    void cursorReadoutShowsExactValues();
    void zoomAndResetView();
    void exportDataThroughActionAndShortcut_data();
    void exportDataThroughActionAndShortcut();
    void failedExportShowsErrorAndKeepsFile();
    void exportAllWritesOneConsistentSet();
    void settingsRoundTrip();
    void restoreDefaults();
    void everyControlHasAccessibleNameAndFocus();
    void eightCurveFigureThroughTheAction();
    void layoutFromTheViewMenuPersists();
    void restoreDefaultsIsTheArticleAgain();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;
};

void TestMainWindow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("settings.ini")),
                                             QSettings::IniFormat);
    m_window = std::make_unique<MainWindow>(*m_settings);
    m_window->resize(1000, 700);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    settle(m_window->plotView());
}

void TestMainWindow::cleanup()
{
    m_window.reset();
    m_settings.reset();
    m_dir.reset();
}

void TestMainWindow::sliderChangesPlot_data()
{
    QTest::addColumn<QString>("control");
    QTest::addColumn<int>("key");
    QTest::newRow("alpha right") << "alpha" << int(Qt::Key_Right);
    QTest::newRow("alpha page up") << "alpha" << int(Qt::Key_PageUp);
    QTest::newRow("xmin left") << "xmin" << int(Qt::Key_Left);
    QTest::newRow("xmax page down") << "xmax" << int(Qt::Key_PageDown);
    QTest::newRow("alpha home (ReLU)") << "alpha" << int(Qt::Key_Home);
}

void TestMainWindow::sliderChangesPlot()
{
    QFETCH(QString, control);
    QFETCH(int, key);
    SliderSpinBox *pair = controlNamed(*m_window, control);
    const double before = modelValue(*m_window, control);
    QTest::keyClick(pair->slider(), Qt::Key(key));
    settle(m_window->plotView());
    const double after = modelValue(*m_window, control);
    QVERIFY(after != before);
    QCOMPARE(pair->spinBox()->value(), after); // spin box in sync with the slider
    verifyPlotMatchesCore(m_window->plotView(), m_window->model()->spec());
}

void TestMainWindow::typingChangesPlotAndSlider_data()
{
    QTest::addColumn<QString>("control");
    QTest::addColumn<QString>("text");
    QTest::addColumn<double>("expected");
    QTest::newRow("alpha exact") << "alpha"
                                 << "0.123456789" << 0.123456789;
    QTest::newRow("alpha selu") << "alpha"
                                << "1.6732632423543772" << 1.6732632423543772;
    QTest::newRow("xmin") << "xmin"
                          << "-7.25" << -7.25;
    QTest::newRow("xmax beyond slider") << "xmax"
                                        << "50" << 50.0;
}

void TestMainWindow::typingChangesPlotAndSlider()
{
    QFETCH(QString, control);
    QFETCH(QString, text);
    QFETCH(double, expected);
    SliderSpinBox *pair = controlNamed(*m_window, control);
    typeInto(pair->spinBox(), text);
    settle(m_window->plotView());
    QCOMPARE(modelValue(*m_window, control), expected);
    const elu::SliderMapping mapping = control == QLatin1String("alpha")
                                           ? elu::SliderMapping::alpha()
                                           : elu::SliderMapping::rangeEnd();
    QCOMPARE(pair->slider()->value(), mapping.positionOf(expected));
    verifyPlotMatchesCore(m_window->plotView(), m_window->model()->spec());
}

void TestMainWindow::rangeCannotCross()
{
    ParameterControls *controls = m_window->controls();
    typeInto(controls->xminControl()->spinBox(), QStringLiteral("5"));
    settle(m_window->plotView());
    const elu::PlotSpec &p = m_window->model()->spec();
    QCOMPARE(p.xmin, 5.0);
    QVERIFY(p.xmax > p.xmin);
    QCOMPARE(controls->xmaxControl()->spinBox()->value(), p.xmax); // the moved end is shown
    QVERIFY2(m_window->statusBar()->currentMessage().contains(QStringLiteral("x max moved")),
             qPrintable(m_window->statusBar()->currentMessage()));

    // Dragging xmax's slider below xmin moves xmin down instead.
    QTest::keyClick(controls->xmaxControl()->slider(), Qt::Key_Home);
    settle(m_window->plotView());
    QCOMPARE(p.xmax, -10.0);
    QVERIFY(p.xmin < p.xmax);
    QVERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("x min moved")));
    verifyPlotMatchesCore(m_window->plotView(), p);
}

void TestMainWindow::fewPointsShowExactSamplesWithMarkers()
{
    typeInto(m_window->controls()->pointsControl(), QStringLiteral("5"));
    settle(m_window->plotView());
    QCOMPARE(m_window->model()->spec().points, qint64(5));
    const PlotView::PlottedData data = m_window->plotView()->plottedData();
    QCOMPARE(data.x, (QVector<double>{-2, -1, 0, 1, 2}));
    QVERIFY(m_window->plotView()->showsMarkers());
    verifyPlotMatchesCore(m_window->plotView(), m_window->model()->spec());

    typeInto(m_window->controls()->pointsControl(), QStringLiteral("100000"));
    settle(m_window->plotView());
    QVERIFY(!m_window->plotView()->showsMarkers());
    QVERIFY(m_window->plotView()->plottedData().x.size() < 20000); // what the pixels need
    verifyPlotMatchesCore(m_window->plotView(), m_window->model()->spec());
}

void TestMainWindow::kinkNoteFollowsAlpha_data()
{
    QTest::addColumn<QString>("alpha");
    QTest::addColumn<QString>("noteContains");
    QTest::addColumn<QString>("labelsContain");
    QTest::newRow("C1 at alpha 1") << "1"
                                   << "continuous at 0"
                                   << "from both sides";
    QTest::newRow("jump of one half") << "0.5"
                                      << "a jump of 0.5"
                                      << "ELU′(0⁻) = 0.5";
    QTest::newRow("jump of two") << "3"
                                 << "a jump of 2"
                                 << "ELU′(0⁺) = 1";
    QTest::newRow("ReLU") << "0"
                          << "ReLU"
                          << "ELU′(0⁻) = 0";
}

void TestMainWindow::kinkNoteFollowsAlpha()
{
    QFETCH(QString, alpha);
    QFETCH(QString, noteContains);
    QFETCH(QString, labelsContain);
    if (alpha != QLatin1String("1"))
        typeInto(m_window->controls()->alphaControl()->spinBox(), alpha);
    settle(m_window->plotView());
    QVERIFY2(m_window->continuityText().contains(noteContains),
             qPrintable(m_window->continuityText()));
    QVERIFY(m_window->continuityText().contains(QStringLiteral("C²")));
    QVERIFY2(m_window->plotView()->kinkLabels().contains(labelsContain),
             qPrintable(m_window->plotView()->kinkLabels()));
}

void TestMainWindow::cursorReadoutShowsExactValues()
{
    typeInto(m_window->controls()->alphaControl()->spinBox(), QStringLiteral("0.5"));
    settle(m_window->plotView());
    QWidget *canvas = m_window->plotView()->findChild<QWidget *>();
    QTest::mouseMove(canvas, QPoint(canvas->width() / 4, canvas->height() / 2));
    const QString text = m_window->readoutText();
    QVERIFY2(text.startsWith(QStringLiteral("x = -")), qPrintable(text)); // left quarter: x < 0
    const QStringList parts = text.split(QStringLiteral("   "));
    QCOMPARE(parts.size(), 3);
    const double x = parts[0].mid(4).toDouble();
    QCOMPARE(parts[1], QStringLiteral("ELU(x) = ") + elu::formatNumber(0.5 * std::expm1(x)));
    QCOMPARE(parts[2], QStringLiteral("ELU′(x) = ") + elu::formatNumber(0.5 * std::exp(x)));
}

void TestMainWindow::zoomAndResetView()
{
    PlotView *plot = m_window->plotView();
    QWidget *canvas = plot->findChild<QWidget *>();
    const QPoint centre(canvas->width() / 2, canvas->height() / 2);
    QWheelEvent wheel(centre, canvas->mapToGlobal(centre), QPoint(), QPoint(0, 480), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(canvas, &wheel);
    settle(plot);
    double xLower, xUpper, yLower, yUpper;
    plot->visibleRange(xLower, xUpper, yLower, yUpper);
    QVERIFY2(xUpper - xLower < 3.0, "the wheel zooms in");
    verifyPlotMatchesCore(plot, m_window->model()->spec());

    QTest::mouseDClick(canvas, Qt::LeftButton, Qt::NoModifier, centre);
    settle(plot);
    plot->visibleRange(xLower, xUpper, yLower, yUpper);
    QCOMPARE(xLower, -2.0);
    QCOMPARE(xUpper, 2.0);

    QApplication::sendEvent(canvas, &wheel);
    settle(plot);
    m_window->findChild<QAction *>(QStringLiteral("resetViewAction"))->trigger();
    settle(plot);
    plot->visibleRange(xLower, xUpper, yLower, yUpper);
    QCOMPARE(xUpper - xLower, 4.0);
}

void TestMainWindow::exportDataThroughActionAndShortcut_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<bool>("useShortcut");
    QTest::newRow("json by menu action") << "nested/out.json" << false;
    QTest::newRow("csv by shortcut") << "out.csv" << true;
    QTest::newRow("no suffix gets .json") << "plain" << false;
}

void TestMainWindow::exportDataThroughActionAndShortcut()
{
    QFETCH(QString, fileName);
    QFETCH(bool, useShortcut);
    typeInto(m_window->controls()->alphaControl()->spinBox(), QStringLiteral("0.25"));
    QString suggested;
    const QString path = m_dir->filePath(fileName);
    m_window->setSavePathPrompt([&](const QString &, const QString &suggestion, const QString &) {
        suggested = suggestion;
        return path;
    });
    if (useShortcut)
        QTest::keySequence(m_window.get(), QKeySequence(QStringLiteral("Ctrl+E")));
    else
        m_window->findChild<QAction *>(QStringLiteral("exportDataAction"))->trigger();
    QVERIFY2(suggested.endsWith(QStringLiteral("elu-alpha-0.25.json")), qPrintable(suggested));
    const QString written =
        fileName == QLatin1String("plain") ? path + QStringLiteral(".json") : path;
    const QByteArray contents = readAll(written);
    QVERIFY(!contents.isEmpty());
    std::vector<double> ys;
    if (written.endsWith(QLatin1String(".csv"))) {
        const QList<QByteArray> lines = contents.trimmed().split('\n');
        QCOMPARE(lines.size(), 1001);
        QCOMPARE(lines[0], QByteArray("x,y,yp"));
        ys.push_back(testsupport::parseNumber(lines[1].split(',')[1]));
    } else {
        ys = testsupport::jsonNumbers(contents, "y");
        QCOMPARE(ys.size(), std::size_t(1000));
    }
    QVERIFY(testsupport::ulpDistance(ys[0], testsupport::referenceValue(-2.0, 0.25)) <= 2);
    QVERIFY2(m_window->statusBar()->currentMessage().contains(QDir::toNativeSeparators(written)),
             qPrintable(m_window->statusBar()->currentMessage()));

    // The next dialog starts in the folder of this export.
    m_window->findChild<QAction *>(QStringLiteral("exportDataAction"))->trigger();
    QCOMPARE(QFileInfo(suggested).absolutePath(), QFileInfo(written).absolutePath());
}

void TestMainWindow::failedExportShowsErrorAndKeepsFile()
{
    const QString folder = m_dir->filePath(QStringLiteral("locked"));
    QVERIFY(QDir().mkpath(folder));
    const QString path = folder + QStringLiteral("/elu.json");
    QFile old(path);
    QVERIFY(old.open(QIODevice::WriteOnly));
    old.write("precious");
    old.close();
    if (!lockFolder(folder, true))
        QSKIP("cannot make a folder unwritable here (chattr needs root on ext2/3/4)");
    m_window->setSavePathPrompt(
        [&](const QString &, const QString &, const QString &) { return path; });
    m_window->findChild<QAction *>(QStringLiteral("exportDataAction"))->trigger();
    lockFolder(folder, false);

    QMessageBox *box = m_window->findChild<QMessageBox *>();
    QVERIFY(box);
    QVERIFY(box->isVisible());
    QVERIFY2(box->informativeText().contains(QDir::toNativeSeparators(path)),
             qPrintable(box->informativeText()));
    QCOMPARE(readAll(path), QByteArray("precious"));
    QCOMPARE(QDir(folder).entryList(QDir::Files | QDir::Hidden).size(), 1); // no temporary left
    box->close();
}

void TestMainWindow::exportAllWritesOneConsistentSet()
{
    typeInto(m_window->controls()->alphaControl()->spinBox(), QStringLiteral("0.5"));
    QString suggested;
    m_window->setSavePathPrompt([&](const QString &, const QString &suggestion, const QString &) {
        suggested = suggestion;
        return m_dir->filePath(QFileInfo(suggestion).fileName()); // accept the suggested name
    });
    m_window->findChild<QAction *>(QStringLiteral("exportAllAction"))->trigger();
    QVERIFY2(suggested.endsWith(QStringLiteral("elu-alpha-0.5")), qPrintable(suggested));
    // The dot in "0.5" is part of the base name, not a suffix to replace.
    for (const char *suffix : {".json", ".csv", ".png", ".svg", ".pdf"}) {
        const QString path =
            m_dir->filePath(QStringLiteral("elu-alpha-0.5") + QLatin1String(suffix));
        QVERIFY2(QFileInfo(path).size() > 0, qPrintable(path));
    }
    const QByteArray json = readAll(m_dir->filePath(QStringLiteral("elu-alpha-0.5.json")));
    QVERIFY(json.contains("\"alpha\": 0.5"));
    QVERIFY(!QImage(m_dir->filePath(QStringLiteral("elu-alpha-0.5.png"))).isNull());
}

void TestMainWindow::settingsRoundTrip()
{
    ParameterControls *controls = m_window->controls();
    typeInto(controls->alphaControl()->spinBox(), QStringLiteral("0.3"));
    typeInto(controls->xminControl()->spinBox(), QStringLiteral("-3"));
    typeInto(controls->xmaxControl()->spinBox(), QStringLiteral("1.5"));
    typeInto(controls->pointsControl(), QStringLiteral("500"));
    m_window->resize(900, 650);
    QTest::qWait(50);
    const QSize size = m_window->size();
    m_window->close();

    MainWindow reopened(*m_settings);
    reopened.show();
    QVERIFY(QTest::qWaitForWindowExposed(&reopened));
    QCOMPARE(reopened.model()->spec(), testsupport::eluSpec(0.3, -3.0, 1.5, 500));
    QCOMPARE(reopened.controls()->alphaControl()->spinBox()->value(), 0.3);
    QCOMPARE(reopened.size(), size);
}

void TestMainWindow::restoreDefaults()
{
    typeInto(m_window->controls()->alphaControl()->spinBox(), QStringLiteral("7"));
    typeInto(m_window->controls()->pointsControl(), QStringLiteral("12"));
    m_window->findChild<QAction *>(QStringLiteral("restoreDefaultsAction"))->trigger();
    settle(m_window->plotView());
    QCOMPARE(m_window->model()->spec(), elu::PlotSpec());
    QCOMPARE(m_window->controls()->pointsControl()->value(), 1000);
    verifyPlotMatchesCore(m_window->plotView(), elu::PlotSpec());
}

void TestMainWindow::eightCurveFigureThroughTheAction()
{
    using Id = elu::ActivationId;
    QVERIFY(m_window->model()
                ->addCurves({{Id::Elu, 0.5}, {Id::Elu, 2.0}, {Id::Relu, 0.0}, {Id::LeakyRelu, 0.1},
                             {Id::Gelu, 0.0}, {Id::Silu, 0.0}, {Id::Mish, 0.0}})
                .isEmpty());
    QVERIFY(m_window->model()->setCurveVisible(6, false)); // Mish hidden: not in the figure
    QVERIFY(m_window->model()->setCurveColour(2, 0x112233u));
    const QString path = m_dir->filePath(QStringLiteral("eight.png"));
    MainWindow::FigureRequest offered;
    m_window->setFigurePrompt([&](const MainWindow::FigureRequest &suggested) {
        offered = suggested;
        return MainWindow::FigureRequest{path, {800, 600, 1.0, elu::FigureTheme::Light}};
    });
    QTest::keySequence(m_window.get(), QKeySequence(QStringLiteral("Ctrl+Shift+E")));
    QVERIFY2(offered.path.endsWith(QStringLiteral("activations.png")), qPrintable(offered.path));
    const QImage image(path);
    QCOMPARE(image.size(), QSize(800, 600));
    // The recoloured curve is drawn in its colour; the palette colour of the hidden Mish (slot 6,
    // Okabe–Ito yellow) is nowhere.
    bool custom = false, hidden = false;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            custom = custom || image.pixelColor(x, y) == QColor(0x11, 0x22, 0x33);
            hidden = hidden || image.pixelColor(x, y) == QColor(0xF0, 0xE4, 0x42);
        }
    }
    QVERIFY(custom);
    QVERIFY(!hidden);
}

void TestMainWindow::layoutFromTheViewMenuPersists()
{
    QAction *stacked = m_window->findChild<QAction *>(QStringLiteral("stackedLayoutAction"));
    QTest::keySequence(m_window.get(), QKeySequence(QStringLiteral("Ctrl+2")));
    QCOMPARE(m_window->model()->layout(), elu::PlotLayout::Stacked);
    QVERIFY(stacked->isChecked());
    settle(m_window->plotView());
    QVERIFY(!m_window->plotView()->derivativePanelRect().isEmpty());
    m_window->close();
    MainWindow reopened(*m_settings);
    QCOMPARE(reopened.model()->layout(), elu::PlotLayout::Stacked);
    reopened.show();
    QVERIFY(QTest::qWaitForWindowExposed(&reopened));
    QTest::keySequence(&reopened, QKeySequence(QStringLiteral("Ctrl+1")));
    QCOMPARE(reopened.model()->layout(), elu::PlotLayout::Overlaid);
}

void TestMainWindow::restoreDefaultsIsTheArticleAgain()
{
    QVERIFY(m_window->model()->addCurves({{elu::ActivationId::Relu, 0.0}}).isEmpty());
    QVERIFY(m_window->model()->setCurveColour(0, 0x123456u));
    m_window->model()->setLayout(elu::PlotLayout::Stacked);
    m_window->findChild<QAction *>(QStringLiteral("restoreDefaultsAction"))->trigger();
    QCOMPARE(m_window->model()->rowCount(), 1);
    QCOMPARE(m_window->model()->spec(), elu::PlotSpec());
    QCOMPARE(m_window->model()->appearance()[0], elu::CurveAppearance{});
    QCOMPARE(m_window->model()->layout(), elu::PlotLayout::Overlaid);
}

void TestMainWindow::everyControlHasAccessibleNameAndFocus()
{
    ParameterControls *c = m_window->controls();
    const QList<QWidget *> controls{c->alphaControl()->slider(), c->alphaControl()->spinBox(),
                                    c->xminControl()->slider(),  c->xminControl()->spinBox(),
                                    c->xmaxControl()->slider(),  c->xmaxControl()->spinBox(),
                                    c->pointsControl()};
    for (QWidget *control : controls) {
        QVERIFY2(!control->accessibleName().isEmpty(), control->metaObject()->className());
        QVERIFY(control->focusPolicy() & Qt::TabFocus);
    }
    // Tab from α's spin box reaches the next control.
    c->alphaControl()->spinBox()->setFocus();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QVERIFY(QApplication::focusWidget() != c->alphaControl()->spinBox());
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
