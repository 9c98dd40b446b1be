// SPDX-License-Identifier: MIT
// MainWindow's exports: data, figure, the whole set, and the clipboard.
#include "mainwindow.h"
#include "ui_mainwindow.h"

#include "datawriter.h"
#include "exportprogress.h"
#include "figureexporter.h"
#include "plotview.h"
#include "statisticspanel.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QStatusBar>

namespace {

constexpr int successTimeoutMs = 10000;

// Busy cursor while a large export runs on the GUI thread.
class BusyCursor
{
public:
    BusyCursor() { QApplication::setOverrideCursor(Qt::WaitCursor); }
    ~BusyCursor() { QApplication::restoreOverrideCursor(); }
    BusyCursor(const BusyCursor &) = delete;
    BusyCursor &operator=(const BusyCursor &) = delete;
};

QString native(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

} // namespace

elu::WriteResult MainWindow::saveJsonData(const QString &path, const elu::PlotSpec &spec,
                                          const elu::WriteControl &control)
{
    // Several curves are one article file each, in a folder named like the chosen file:
    // "activations.json" gives activations/relu.json, activations/elu.json, ...
    if (spec.curves.size() == 1)
        return elu::saveJson(path, spec, spec.curves.front(), control);
    const QFileInfo info(path);
    return elu::saveJsonFolder(info.dir().filePath(info.completeBaseName()), spec, control);
}

QString MainWindow::suggestedPath(const QString &suffix) const
{
    QString folder = m_settings.lastExportFolder();
    if (folder.isEmpty() || !QFileInfo(folder).isDir())
        folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    // The parameter in the name ("elu-alpha-0.5"), so that exports for several α never
    // overwrite each other by accident.
    const elu::PlotSpec &spec = m_model.spec();
    const QString base = spec.curves.size() == 1 ? spec.curves.front().fileStem(true)
                                                 : QStringLiteral("activations");
    return QDir(folder).filePath(suffix.isEmpty() ? base : base + QLatin1Char('.') + suffix);
}

void MainWindow::rememberFolderOf(const QString &path)
{
    m_settings.saveLastExportFolder(QFileInfo(path).absolutePath());
}

elu::Session MainWindow::session() const
{
    elu::Session session;
    session.spec = m_model.spec();
    session.appearance = m_model.appearance();
    session.selectedCurve = m_model.selectedCurve();
    session.layout = m_model.layout();
    session.view = m_ui->plotView->viewRange();
    session.figure = m_figureOptions;
    session.statisticsMu = m_statistics->input().mu;
    session.statisticsSigma = m_statistics->input().sigma;
    return session;
}

void MainWindow::exportData()
{
    QString path = m_askSavePath(tr("Export Data"), suggestedPath(QStringLiteral("json")),
                                 tr("JSON data (*.json);;CSV data (*.csv)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive)
        && !path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive))
        path += QStringLiteral(".json"); // "elu-alpha-0.5" has no data suffix, only a dot
    exportDataTo(path);
}

bool MainWindow::exportDataTo(const QString &path)
{
    const bool csv =
        QFileInfo(path).suffix().compare(QLatin1String("csv"), Qt::CaseInsensitive) == 0;
    // The worker writes a copy: the window stays live, and its curves may change meanwhile.
    const elu::PlotSpec spec = m_model.spec();
    const qint64 expectedBytes = spec.points * qint64(1 + 2 * spec.curves.size()) * 20;
    const ExportOutcome outcome = runExport(
        this, tr("Exporting %1 points to %2…").arg(spec.points).arg(native(path)), expectedBytes,
        [&](const elu::WriteControl &control) {
            return csv ? elu::saveCsv(path, spec, control) : saveJsonData(path, spec, control);
        });
    rememberFolderOf(path);
    if (outcome.cancelled) {
        statusBar()->showMessage(tr("Export cancelled; %1 was left as it was").arg(native(path)),
                                 successTimeoutMs);
        return false;
    }
    if (outcome.result) {
        showWriteError(tr("The data could not be exported."), {*outcome.result});
        return false;
    }
    statusBar()->showMessage(
        tr("Saved %1 (%2 points)").arg(native(path), QString::number(spec.points)),
        successTimeoutMs);
    return true;
}

void MainWindow::exportFigure()
{
    const std::optional<FigureRequest> request =
        m_askFigure({suggestedPath(QStringLiteral("png")), m_figureOptions});
    if (!request || request->path.isEmpty())
        return;
    // Options are kept (and saved) only once a figure was written with them.
    if (exportFigureTo(request->path, request->options))
        m_figureOptions = request->options;
}

bool MainWindow::exportFigureTo(const QString &path, const elu::FigureOptions &options)
{
    const std::optional<FigureFormat> format = figureFormatForPath(path);
    rememberFolderOf(path);
    if (!format) {
        showWriteError(tr("The figure could not be exported."),
                       {{path, tr("the file name must end in .png, .svg, .pdf or .tex")}});
        return false;
    }
    elu::WriteResult result;
    {
        const BusyCursor busy;
        elu::Session shown = session();
        shown.figure = options;
        shown.view.fitsData = false; // the figure shows the window's current view
        FigureExporter exporter(shown);
        exporter.setTexData(m_figureTexData);
        result = exporter.save(path, *format);
    }
    if (result) {
        showWriteError(tr("The figure could not be exported."), {*result});
        return false;
    }
    statusBar()->showMessage(tr("Saved %1").arg(native(path)), successTimeoutMs);
    return true;
}

void MainWindow::exportAll()
{
    const QString base =
        m_askSavePath(tr("Export All: choose a base name"), suggestedPath(QString()),
                      tr("Base name (JSON, CSV, PNG, SVG, PDF and LaTeX are added) (*)"));
    if (!base.isEmpty())
        exportAllTo(base);
}

bool MainWindow::exportAllTo(const QString &basePath)
{
    // A file type's suffix the user typed is dropped: every file of the set shares one base
    // name. Other dots stay ("elu-alpha-0.5" is a base name, not "elu-alpha-0" and ".5").
    static const QRegularExpression typeSuffix(QStringLiteral("\\.(json|csv|png|svg|pdf|tex)$"),
                                               QRegularExpression::CaseInsensitiveOption);
    const QString base = QString(basePath).remove(typeSuffix);
    QList<elu::WriteError> errors;
    {
        const BusyCursor busy;
        if (auto error = saveJsonData(base + QStringLiteral(".json"), m_model.spec()))
            errors << *error;
        if (auto error = elu::saveCsv(base + QStringLiteral(".csv"), m_model.spec()))
            errors << *error;
        elu::Session shown = session();
        shown.view.fitsData = false;
        FigureExporter exporter(shown);
        for (const auto &[suffix, format] :
             {std::pair{QStringLiteral(".png"), FigureFormat::Png},
              std::pair{QStringLiteral(".svg"), FigureFormat::Svg},
              std::pair{QStringLiteral(".pdf"), FigureFormat::Pdf},
              std::pair{QStringLiteral(".tex"), FigureFormat::Tex}}) {
            if (auto error = exporter.save(base + suffix, format))
                errors << *error;
        }
    }
    rememberFolderOf(base);
    if (!errors.isEmpty()) {
        showWriteError(tr("%n of 6 files could not be exported.", nullptr, int(errors.size())),
                       errors);
        return false;
    }
    statusBar()->showMessage(tr("Saved %1.json, .csv, .png, .svg, .pdf and .tex").arg(native(base)),
                             successTimeoutMs);
    return true;
}

void MainWindow::copyFigure()
{
    elu::Session shown = session();
    shown.view.fitsData = false;
    FigureExporter exporter(shown);
    QGuiApplication::clipboard()->setImage(exporter.image());
    statusBar()->showMessage(tr("Copied the figure (%1 × %2 px) to the clipboard")
                                 .arg(m_figureOptions.width * m_figureOptions.scale)
                                 .arg(m_figureOptions.height * m_figureOptions.scale),
                             successTimeoutMs);
}

void MainWindow::showWriteError(const QString &what, const QList<elu::WriteError> &errors)
{
    QStringList lines;
    for (const elu::WriteError &error : errors)
        lines << error.message();
    // Window-modal and opened, not exec()'d: the app keeps running and tests can read it.
    auto *box =
        new QMessageBox(QMessageBox::Critical, tr("Export Failed"), what, QMessageBox::Ok, this);
    box->setInformativeText(lines.join(QLatin1Char('\n'))
                            + tr("\n\nA file that could not be written was left as it was."));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    box->open();
    statusBar()->showMessage(lines.join(QStringLiteral("; ")), successTimeoutMs);
}
