// SPDX-License-Identifier: MIT
#include "commandlineoptions.h"

#include "animationoptions.h"
#include "catalogue.h"
#include "commandline.h"
#include "plotspec.h"

#include <QCommandLineParser>
#include <QRegularExpression>

namespace {

// One table of options, so parsing and --help never disagree.
struct OptionSpec
{
    const char *name;
    const char *valueName;
    const char *description;
};

constexpr OptionSpec optionSpecs[] = {
    {"session", "FILE",
     "Load a session (*.elusession) first; the other options override its values. With an "
     "output option it re-makes those files, else the window opens with it. A session file "
     "named alone (elu-explorer FILE.elusession) is the same."},
    {"curve", "SPEC",
     "A curve to plot or export, NAME[:KEYWORD=V1[,V2...]], e.g. relu, leaky_relu, "
     "elu:alpha=0.5,1,2 (three curves), softplus:beta=2. Repeatable, up to 8 curves; "
     "--list-activations shows the names (default: elu:alpha=1)."},
    {"alpha", "A", "The article's single ELU curve with this α, 0 to 100 (default 1); not with --curve."},
    {"xmin", "X", "Left end of the x range, finite and less than --xmax (default -2)."},
    {"xmax", "X", "Right end of the x range, finite and greater than --xmin (default 2)."},
    {"points", "N", "Number of evenly spaced samples, 2 to 10000000 (default 1000)."},
    {"json", "PATH",
     "Write the samples as JSON ({\"x\", \"y\", \"yp\"} and metadata) and exit. A folder "
     "(existing, or ending in /) gets one <id>.json per curve; several curves need one."},
    {"csv", "PATH",
     "Write the samples as CSV and exit: header x,y,yp, or x then <label>.y,<label>.yp per curve."},
    {"png", "PATH", "Write the figure as PNG and exit."},
    {"svg", "PATH", "Write the figure as SVG and exit."},
    {"pdf", "PATH", "Write the figure as PDF and exit."},
    {"tex", "PATH",
     "Write the figure as LaTeX (a pgfplots tikzpicture for \\input, in the document's fonts) "
     "and exit."},
    {"tex-data", "",
     "With --tex: read the samples from a CSV written beside the .tex (same name, .csv) "
     "instead of inline coordinates."},
    {"width", "PX", "Figure width, 200 to 10000 (default 800)."},
    {"height", "PX", "Figure height, 200 to 10000 (default 600)."},
    {"scale", "S", "Pixels per figure pixel of a PNG (default 2) or animation (default 1), 0.5 "
                   "to 8."},
    {"theme", "NAME", "Figure theme: light (default), dark or transparent."},
    {"layout", "NAME",
     "f and f' overlaid in one plot (overlaid, default) or in two panels sharing the x axis "
     "(stacked)."},
    {"stats", "PATH",
     "Write E[f(X)], Var[f(X)], E[f′(X)] and E[f′(X)²] of every curve for X ~ N(μ, σ²) as JSON "
     "and exit."},
    {"mu", "M", "Mean μ of the Gaussian input of --stats and the statistics panel, -10 to 10 "
                "(default 0)."},
    {"sigma", "S", "Standard deviation σ of the Gaussian input, 0.001 to 10 (default 1)."},
    {"animate", "KEYWORD=FROM:TO",
     "Animate the one shown curve with this parameter from FROM to TO (e.g. alpha=0.1:3; "
     "--list-activations shows each parameter's range) into --gif and --webp; the other curves "
     "stay still, the axes hold still, and each frame's legend shows its value."},
    {"frames", "N", "Frames of --animate, 2 to 1000 (default 60)."},
    {"duration", "SECONDS", "Length of --animate's loop, 0.1 to 600 s (default 3)."},
    {"bounce", "", "With --animate: sweep from FROM to TO and back within the duration."},
    {"gif", "PATH",
     "Write the animation as an animated GIF (looping; at scale 1 unless --scale is given) and "
     "exit."},
    {"webp", "PATH",
     "Write the animation as a lossless animated WebP (looping; at scale 1 unless --scale is "
     "given) and exit."},
    {"save-session", "PATH",
     "Write the session the other options describe (curves, range, points, figure options, "
     "layout) and exit."},
    {"screenshot", "PATH", "Open the window, save it as PNG and exit."},
};

} // namespace

void addOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(QStringLiteral(
        "Explore the ELU activation function and export article-ready data and figures.\n"
        "With no export option it opens the window; with any of --json, --csv, --png, --svg,\n"
        "--pdf, --tex, --stats, --save-session it writes those files and exits without a window.\n"
        "An output PATH of - is standard output (--json - takes one curve).\n"
        "Exit status: 0 success, 2 bad argument, 1 a file could not be written."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("list-activations"),
                      QStringLiteral("List the activations --curve accepts and exit.")});
    for (const OptionSpec &spec : optionSpecs)
        parser.addOption({QString::fromLatin1(spec.name), QString::fromUtf8(spec.description),
                          QString::fromLatin1(spec.valueName)});
    QCommandLineOption firstFrame(
        QStringLiteral("first-frame-exit"),
        QStringLiteral("Quit when the first frame is shown (benchmarks)."));
    firstFrame.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(firstFrame);
    addHiddenAnimationOptions(parser);
}

// Qt names an unknown option without its dashes ("Unknown option 'bogus'."); name it as typed.
// For an option given without its value: what the value should be, from the option table.
QString missingValueError(const QString &qtError)
{
    static const QRegularExpression missing(QStringLiteral("^Missing value after '-*([^']+)'"));
    const QRegularExpressionMatch match = missing.match(qtError);
    if (!match.hasMatch())
        return qtError;
    for (const OptionSpec &spec : optionSpecs) {
        if (match.captured(1) == QLatin1String(spec.name))
            return QStringLiteral("--%1: a value is missing: %2")
                .arg(match.captured(1), QString::fromUtf8(spec.description));
    }
    return qtError;
}

// The options of the table that take a value, for the rules over the arguments as typed.
QList<ValueOption> valueOptions()
{
    QList<ValueOption> options;
    for (const OptionSpec &spec : optionSpecs) {
        const QLatin1StringView value(spec.valueName);
        if (!value.isEmpty())
            options.push_back({QString::fromLatin1(spec.name),
                               value == QLatin1String("PATH") || value == QLatin1String("FILE"),
                               qstrcmp(spec.name, "curve") == 0});
    }
    return options;
}

QString activationListing()
{
    QString text;
    for (const elu::Activation &row : elu::catalogue()) {
        const QString name = elu::latin1(row.name);
        QString parameter = QStringLiteral("no parameter");
        if (row.parameter) {
            const elu::ActivationParameter &p = *row.parameter;
            parameter = QStringLiteral("%1 (%2) default %3, %4 %5 to %6")
                            .arg(elu::latin1(p.keyword),
                                 p.symbol, elu::formatNumber(p.defaultValue),
                                 p.minIncluded ? QStringLiteral("from") : QStringLiteral("above"),
                                 elu::formatNumber(p.min), elu::formatNumber(p.max));
        }
        text += QStringLiteral("%1\t%2\t%3\t%4\t%5\n")
                    .arg(name, row.displayName, parameter, row.formula,
                         row.smoothnessSummary);
    }
    return text;
}
