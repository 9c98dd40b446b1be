// SPDX-License-Identifier: MIT
#include "commandline.h"

#include "animationoptions.h"
#include "commandlineoptions.h"
#include "commandlinerules.h"
#include "curvespec.h"
#include "gaussianmoments.h"
#include "sessionfile.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>

#include <cmath>
#include <limits>

namespace {


// Reads a finite or non-finite number; the caller's validation decides what is accepted.
// Decimal text rounds to the nearest double, underflow to ±0 included (elu::parseDecimal).
std::optional<double> parseNumber(const QString &text)
{
    return elu::parseDecimal(text);
}

class Reader
{
public:
    Reader(const QCommandLineParser &parser, CommandLine &result)
        : m_parser(parser)
        , m_result(result)
    {
    }

    bool failed() const { return !m_result.error.isEmpty(); }

    // Reads a number option into `target` if given; `errorOf` returns what is accepted.
    template<class Validate> bool readNumber(const QString &name, double &target, Validate errorOf)
    {
        if (failed() || !m_parser.isSet(name))
            return false;
        const QString text = m_parser.value(name);
        const std::optional<double> value = parseNumber(text);
        const QString error = value ? errorOf(*value) : errorOf(std::nan(""));
        if (!error.isEmpty()) {
            m_result.error = refusal(name, text, error);
            return false;
        }
        target = *value;
        return true;
    }

    template<class Integer, class Validate>
    bool readInteger(const QString &name, Integer &target, Validate errorOf)
    {
        if (failed() || !m_parser.isSet(name))
            return false;
        const QString text = m_parser.value(name);
        bool ok = false;
        const qint64 value = text.trimmed().toLongLong(&ok);
        // Anything that is not a whole number in range gets the same "accepted" text.
        const QString error = ok ? errorOf(value) : errorOf(std::numeric_limits<qint64>::min());
        if (!error.isEmpty()) {
            m_result.error = refusal(name, text, error);
            return false;
        }
        target = Integer(value);
        return true;
    }

    void fail(const QString &error)
    {
        if (!failed())
            m_result.error = error;
    }

private:
    const QCommandLineParser &m_parser;
    CommandLine &m_result;
};

// --curve (repeatable) or --alpha, never both: the curves of the plot or export.
void readCurves(const QCommandLineParser &parser, CommandLine &result, Reader &reader)
{
    elu::PlotSpec &p = result.spec;
    double alpha = 1.0;
    const bool hasAlpha = reader.readNumber(QStringLiteral("alpha"), alpha, elu::alphaError);
    const QStringList specs = parser.values(QStringLiteral("curve"));
    if (reader.failed())
        return;
    if (hasAlpha && !specs.isEmpty()) {
        reader.fail(QStringLiteral("--alpha/--curve: --alpha %1 is not accepted with --curve: "
                                   "--alpha means the single ELU curve; write --curve "
                                   "elu:alpha=%1 instead.")
                        .arg(parser.value(QStringLiteral("alpha"))));
        return;
    }
    if (hasAlpha) {
        p.curves = {{elu::ActivationId::Elu, alpha}};
        result.hasCurves = true;
        return;
    }
    if (specs.isEmpty())
        return;
    std::vector<elu::Curve> curves;
    for (const QString &spec : specs) {
        const elu::ParsedCurves parsed = elu::parseCurveSpec(spec);
        if (!parsed.error.isEmpty()) {
            reader.fail(refusal(QStringLiteral("curve"), spec, parsed.error));
            return;
        }
        curves.insert(curves.end(), parsed.curves.begin(), parsed.curves.end());
    }
    p.curves = curves;
    if (const QString error = elu::validate(p); !error.isEmpty()) {
        reader.fail(refusal(QStringLiteral("curve"), specs.join(QStringLiteral(" --curve ")),
                            error));
        return;
    }
    result.hasCurves = true;
}

// With several curves, --json names a folder: an existing one or a path ending in '/'.
void checkJsonTarget(CommandLine &result, Reader &reader)
{
    if (reader.failed() || result.jsonPath.isEmpty() || result.spec.curves.size() < 2)
        return;
    const QString &path = result.jsonPath;
    if (path.endsWith(QLatin1Char('/')) || QFileInfo(path).isDir())
        return;
    reader.fail(refusal(QStringLiteral("json"), path,
                        QStringLiteral("with %1 curves --json names a folder (an existing one, or "
                                       "a path ending in /) that gets one file per curve")
                            .arg(result.spec.curves.size())));
}

void readRange(CommandLine &result, Reader &reader)
{
    elu::PlotSpec &p = result.spec;
    auto finite = [](double v) {
        return std::isfinite(v) ? QString() : QStringLiteral("a finite number is required");
    };
    result.hasXmin = reader.readNumber(QStringLiteral("xmin"), p.xmin, finite);
    result.hasXmax = reader.readNumber(QStringLiteral("xmax"), p.xmax, finite);
    result.hasPoints = reader.readInteger(QStringLiteral("points"), p.points, elu::pointsError);
}

// Exports use the defaults for an end not given; the window uses its saved end, so there the
// range is checked by the model (a refused range is a status-bar note) unless both are given.
void checkRange(CommandLine &result, Reader &reader)
{
    const elu::PlotSpec &p = result.spec;
    // A session gives both ends, and --save-session writes them.
    const bool exporting = result.writesFiles() || result.hasSession();
    if (reader.failed() || (!exporting && !(result.hasXmin && result.hasXmax)) || p.xmin < p.xmax)
        return;
    reader.fail(QStringLiteral("--xmin/--xmax: xmin = %1, xmax = %2 is not accepted: --xmin must "
                               "be less than --xmax.")
                    .arg(elu::formatNumber(p.xmin), elu::formatNumber(p.xmax)));
}

// The pixel budget depends on all three of --width, --height and --scale, given or not. It
// limits a PNG, and the figure options a session keeps (a PNG must be possible from them); an
// SVG, PDF or TeX figure has no pixels.
void checkPixelBudget(CommandLine &result, Reader &reader)
{
    const elu::FigureOptions &f = result.figure;
    if (reader.failed() || (result.pngPath.isEmpty() && result.saveSessionPath.isEmpty()))
        return;
    if (const QString error = elu::figureScaleError(f.scale, f.width, f.height); !error.isEmpty())
        reader.fail(QStringLiteral("--width/--height/--scale: %1 × %2 at scale %3 is not accepted: "
                                   "%4.")
                        .arg(f.width)
                        .arg(f.height)
                        .arg(elu::formatNumber(f.scale), error));
}

void readFigureOptions(const QCommandLineParser &parser, CommandLine &result, Reader &reader)
{
    elu::FigureOptions &figure = result.figure;
    reader.readInteger(QStringLiteral("width"), figure.width, [](qint64 v) {
        return elu::figureSideError(
            int(qBound<qint64>(-1, v, qint64(elu::limits::figureSideMax) + 1)));
    });
    reader.readInteger(QStringLiteral("height"), figure.height, [](qint64 v) {
        return elu::figureSideError(
            int(qBound<qint64>(-1, v, qint64(elu::limits::figureSideMax) + 1)));
    });
    result.hasScale = reader.readNumber(QStringLiteral("scale"), figure.scale, [&](double v) {
        // The range here; the pixel budget is checkPixelBudget's, for a PNG only.
        return elu::figureScaleError(v, elu::limits::figureSideMin, elu::limits::figureSideMin);
    });
    if (!reader.failed() && parser.isSet(QStringLiteral("theme"))) {
        const QString name = parser.value(QStringLiteral("theme"));
        if (const auto theme = elu::themeFromName(name.trimmed().toLower()))
            figure.theme = *theme;
        else
            reader.fail(
                refusal(QStringLiteral("theme"), name,
                        QStringLiteral("the theme must be one of ") + elu::acceptedThemeNames()));
    }
}

// An option that takes a path must not be given an empty one.
void readPath(const QCommandLineParser &parser, const char *name, QString &target, Reader &reader)
{
    const QString option = QString::fromLatin1(name);
    if (reader.failed() || !parser.isSet(option))
        return;
    target = parser.value(option);
    if (target.trimmed().isEmpty())
        reader.fail(refusal(option, target, QStringLiteral("a file path is required")));
}

// --tex-data changes what --tex writes, so it needs --tex (and a file: its CSV goes beside).
void readTexData(const QCommandLineParser &parser, CommandLine &result, Reader &reader)
{
    result.texData = parser.isSet(QStringLiteral("tex-data"));
    if (reader.failed() || !result.texData)
        return;
    if (result.texPath.isEmpty())
        reader.fail(QStringLiteral("--tex-data is not accepted without --tex: it writes the "
                                   "figure's samples to a CSV beside the .tex file."));
    else if (result.texPath == QLatin1String("-"))
        reader.fail(refusal(QStringLiteral("tex"), result.texPath,
                            QStringLiteral("with --tex-data a file path is required, for the CSV "
                                           "goes beside it")));
}

// --session FILE, or a session file named alone: read before every other option, so that they
// override its values.
void readSessionOption(const QCommandLineParser &parser, CommandLine &result, Reader &reader)
{
    QString prefix; // a file named alone is named in messages by itself
    if (parser.isSet(QStringLiteral("session"))) {
        if (!result.sessionPath.isEmpty())
            return reader.fail(refusal(QStringLiteral("session"), result.sessionPath,
                                       QStringLiteral("one session at a time: --session or a "
                                                      "session file named alone")));
        readPath(parser, "session", result.sessionPath, reader);
        prefix = QStringLiteral("--session: ");
    }
    if (reader.failed() || result.sessionPath.isEmpty())
        return;
    const elu::SessionReadResult read = elu::readSessionFile(result.sessionPath);
    if (!read.session) {
        result.sessionError = prefix + QDir::toNativeSeparators(result.sessionPath)
                              + QStringLiteral(": ") + read.error;
        if (!prefix.isEmpty())
            reader.fail(result.sessionError);
        result.sessionPath.clear(); // a file named alone: see finishSession
        return;
    }
    result.session = *read.session;
    result.spec = read.session->spec;
    result.figure = read.session->figure;
}

// --mu and --sigma over the session's statistics input (or the defaults 0 and 1).
void readStatisticsInput(CommandLine &result, Reader &reader)
{
    elu::Session &session = result.session;
    result.hasMu = reader.readNumber(QStringLiteral("mu"), session.statisticsMu,
                                     [](double mu) { return elu::gaussianInputError(mu, 1.0); });
    result.hasSigma =
        reader.readNumber(QStringLiteral("sigma"), session.statisticsSigma,
                          [](double sigma) { return elu::gaussianInputError(0.0, sigma); });
}

void readLayout(const QCommandLineParser &parser, CommandLine &result, Reader &reader)
{
    if (reader.failed() || !parser.isSet(QStringLiteral("layout")))
        return;
    const QString name = parser.value(QStringLiteral("layout"));
    if (const auto layout = elu::layoutFromName(name.trimmed().toLower())) {
        result.session.layout = *layout;
        result.hasLayout = true;
    } else {
        reader.fail(
            refusal(QStringLiteral("layout"), name,
                    QStringLiteral("the layout must be one of ") + elu::acceptedLayoutNames()));
    }
}

// The options over the session: what --save-session writes and the window opens.
void finishSession(CommandLine &result, Reader &reader)
{
    // A bad file named alone, as the desktop opens it, is refused when files are to be written
    // from it; the window opens without it and says why.
    if (result.writesFiles() && !result.sessionError.isEmpty())
        reader.fail(result.sessionError);
    if (reader.failed())
        return;
    result.session = elu::withSpec(result.session, result.spec);
    result.session.figure = result.figure;
    if (const QString error = elu::validate(result.session);
        !error.isEmpty() && result.hasSession())
        reader.fail(QStringLiteral("--session: %1 with the other options is not accepted: %2")
                        .arg(QDir::toNativeSeparators(result.sessionPath), error));
}


QString parseError(const QCommandLineParser &parser)
{
    const QStringList unknown = parser.unknownOptionNames();
    if (unknown.isEmpty())
        return missingValueError(parser.errorText());
    const QString &name = unknown.constFirst();
    return QStringLiteral("'%1%2' is not an option.")
        .arg(name.size() == 1 ? QStringLiteral("-") : QStringLiteral("--"), name);
}


} // namespace

CommandLine parseCommandLine(const QStringList &arguments)
{
    CommandLine result;
    QCommandLineParser parser;
    addOptions(parser);
    if (!parser.parse(arguments)) {
        result.action = CommandLine::Action::Error;
        result.error = parseError(parser);
        return result;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        result.action = CommandLine::Action::ShowHelp;
        return result;
    }
    if (parser.isSet(QStringLiteral("help-all"))) { // Qt lists it in --help
        result.action = CommandLine::Action::ShowHelpAll;
        return result;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        result.action = CommandLine::Action::ShowVersion;
        return result;
    }
    // A value that looks like an option, an option given twice (commandlinerules.h).
    if (const QString error = argumentRulesError(arguments, parser, valueOptions());
        !error.isEmpty()) {
        result.action = CommandLine::Action::Error;
        result.error = error;
        return result;
    }
    // The desktop file opens a session as `elu-explorer FILE.elusession`.
    const QStringList positional = parser.positionalArguments();
    if (positional.size() == 1
        && positional.constFirst().endsWith(QStringLiteral(".elusession"), Qt::CaseInsensitive))
        result.sessionPath = positional.constFirst();
    else if (!positional.isEmpty()) {
        result.action = CommandLine::Action::Error;
        result.error = QStringLiteral("'%1' is not an option; options start with -- (see --help).")
                           .arg(parser.positionalArguments().constFirst());
        return result;
    }

    result.exitAfterFirstFrame = parser.isSet(QStringLiteral("first-frame-exit"));
    if (parser.isSet(QStringLiteral("list-activations"))) {
        result.action = CommandLine::Action::ListActivations;
        return result;
    }

    Reader reader(parser, result);
    readSessionOption(parser, result, reader);
    readCurves(parser, result, reader);
    readRange(result, reader);
    readFigureOptions(parser, result, reader);
    readPath(parser, "json", result.jsonPath, reader);
    readPath(parser, "csv", result.csvPath, reader);
    readPath(parser, "png", result.pngPath, reader);
    readPath(parser, "svg", result.svgPath, reader);
    readPath(parser, "pdf", result.pdfPath, reader);
    readPath(parser, "tex", result.texPath, reader);
    readPath(parser, "gif", result.gifPath, reader);
    readPath(parser, "webp", result.webpPath, reader);
    readTexData(parser, result, reader);
    readPath(parser, "screenshot", result.screenshotPath, reader);
    readPath(parser, "save-session", result.saveSessionPath, reader);
    readPath(parser, "stats", result.statsPath, reader);
    readStatisticsInput(result, reader);
    readLayout(parser, result, reader);
    checkRange(result, reader);
    checkJsonTarget(result, reader);
    checkPixelBudget(result, reader);
    finishSession(result, reader);
    if (!reader.failed())
        if (const QString error = readAnimationOptions(parser, result); !error.isEmpty())
            reader.fail(error);
    // --screenshot opens the window, which a run writing files never does: it would be ignored.
    if (!reader.failed() && !result.screenshotPath.isEmpty() && result.writesFiles())
        reader.fail(QStringLiteral("--screenshot is not accepted with an output option: it opens "
                                   "the window, and a run that writes files opens none; give it "
                                   "in a run of its own."));
    if (!reader.failed()) // two outputs on one file (commandlinerules.h)
        if (const QString error = sameOutputError(result); !error.isEmpty())
            reader.fail(error);

    if (reader.failed())
        result.action = CommandLine::Action::Error;
    else if (result.writesFiles())
        result.action = CommandLine::Action::Export;
    return result;
}

void addCommandLineOptions(QCommandLineParser &parser)
{
    addOptions(parser);
}

QString commandLineHelp()
{
    QCommandLineParser parser;
    addOptions(parser);
    return parser.helpText();
}
