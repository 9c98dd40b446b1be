// SPDX-License-Identifier: MIT
#include "animationoptions.h"

#include "animationlimits.h"
#include "catalogue.h"
#include "commandline.h"
#include "commandlinerules.h"

#include <QCommandLineParser>
#include <QFileInfo>

#include <algorithm>
#include <cmath>
#include <tuple>

namespace {

bool isSet(const QCommandLineParser &parser, const char *name)
{
    return parser.isSet(QString::fromLatin1(name));
}

QString value(const QCommandLineParser &parser, const char *name)
{
    return parser.value(QString::fromLatin1(name));
}

// The option that needs --animate, if any was given without it.
QString optionNeedingAnimate(const QCommandLineParser &parser)
{
    for (const char *name : {"gif", "webp", "frames", "duration", "bounce"}) {
        if (isSet(parser, name))
            return QString::fromLatin1(name);
    }
    return {};
}

bool hasKeyword(const elu::Curve &curve, const QString &keyword)
{
    const auto &parameter = curve.descriptor().parameter;
    return parameter && elu::latin1(parameter->keyword) == keyword;
}

// "1 (relu), 2 (elu: alpha)": what each shown curve could sweep, for a refusal.
QString curveKeywords(const elu::Session &session)
{
    QStringList parts;
    for (std::size_t i = 0; i < session.spec.curves.size(); ++i) {
        if (!session.appearance[i].visible)
            continue;
        const elu::Activation &row = session.spec.curves[i].descriptor();
        parts << QStringLiteral("%1 (%2%3)").arg(i + 1).arg(
            elu::latin1(row.name),
            row.parameter ? QStringLiteral(": ") + elu::latin1(row.parameter->keyword)
                          : QString());
    }
    return parts.join(QStringLiteral(", "));
}

// The one shown curve with `keyword`, or an error naming none or all of them.
int findSweptCurve(const QCommandLineParser &parser, const elu::Session &session,
                   const QString &keyword, const QString &typed, QString &error)
{
    std::vector<int> carriers;
    for (std::size_t i = 0; i < session.spec.curves.size(); ++i) {
        if (session.appearance[i].visible && hasKeyword(session.spec.curves[i], keyword))
            carriers.push_back(int(i));
    }
    if (isSet(parser, animateCurveOption)) {
        bool ok = false;
        const int curve = value(parser, animateCurveOption).toInt(&ok) - 1;
        if (ok && std::find(carriers.begin(), carriers.end(), curve) != carriers.end())
            return curve;
        error = refusal(QString::fromLatin1(animateCurveOption), value(parser, animateCurveOption),
                        QStringLiteral("the number of a shown curve with %1: %2")
                            .arg(keyword, curveKeywords(session)));
        return -1;
    }
    if (carriers.size() == 1)
        return carriers.front();
    if (carriers.empty()) {
        error = refusal(QStringLiteral("animate"), typed,
                        QStringLiteral("no curve has the parameter %1; the curves are %2")
                            .arg(keyword, curveKeywords(session)));
    } else {
        QStringList names;
        for (const int i : carriers)
            names << QStringLiteral("%1 (%2)").arg(i + 1).arg(
                elu::latin1(session.spec.curves[std::size_t(i)].descriptor().name));
        error = refusal(QStringLiteral("animate"), typed,
                        QStringLiteral("it moves one curve, and curves %1 all have %2")
                            .arg(names.join(QStringLiteral(", ")), keyword));
    }
    return -1;
}

QString readTiming(const QCommandLineParser &parser, elu::ParameterSweep &sweep)
{
    if (isSet(parser, "frames")) {
        const QString text = value(parser, "frames");
        bool ok = false;
        const qint64 frames = text.trimmed().toLongLong(&ok);
        const QString error = elu::sweepFramesError(ok ? frames : -1);
        if (!error.isEmpty())
            return refusal(QStringLiteral("frames"), text, error);
        sweep.frames = int(frames);
    }
    if (isSet(parser, "duration")) {
        const QString text = value(parser, "duration");
        const std::optional<double> seconds = elu::parseDecimal(text.trimmed());
        const QString error = elu::sweepDurationError(seconds.value_or(std::nan("")));
        if (!error.isEmpty())
            return refusal(QStringLiteral("duration"), text, error);
        sweep.duration = *seconds;
    }
    sweep.repeat = isSet(parser, "bounce") ? elu::SweepRepeat::Bounce : elu::SweepRepeat::Loop;
    return {};
}

// The size and length of the frames, and what only a GIF cannot hold.
QString checkFrames(const CommandLine &result, const elu::ParameterSweep &sweep)
{
    const elu::FigureOptions &f = result.animationFigure;
    if (const QString error = elu::animationSizeError(f); !error.isEmpty())
        return QStringLiteral("--width/--height/--scale: not accepted for an animation: %1.")
            .arg(error);
    if (const QString error = elu::frameTimingError(sweep.frames, sweep.duration);
        !error.isEmpty())
        return QStringLiteral("--frames/--duration: %1 frames in %2 s is not accepted: %3.")
            .arg(sweep.frames)
            .arg(elu::formatNumber(sweep.duration), error);
    if (result.gifPath.isEmpty())
        return {};
    if (const QString error = elu::gifThemeError(f.theme); !error.isEmpty())
        return refusal(QStringLiteral("theme"), elu::themeName(f.theme), error);
    return {};
}

} // namespace

void addHiddenAnimationOptions(QCommandLineParser &parser)
{
    QCommandLineOption curve(QString::fromLatin1(animateCurveOption),
                             QStringLiteral("The curve --animate moves (window)."),
                             QStringLiteral("N"));
    curve.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(curve);
    QCommandLineOption progress(QString::fromLatin1(progressOption),
                                QStringLiteral("Report each frame on stderr (window)."));
    progress.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(progress);
}

QString readAnimationOptions(const QCommandLineParser &parser, CommandLine &result)
{
    result.reportProgress = isSet(parser, progressOption);
    if (!isSet(parser, "animate")) {
        if (const QString option = optionNeedingAnimate(parser); !option.isEmpty())
            return QStringLiteral("--%1 is not accepted without --animate KEYWORD=FROM:TO, the "
                                  "parameter to sweep (e.g. --animate alpha=0.1:3).")
                .arg(option);
        return {};
    }
    if (!result.exportsAnimation())
        return QStringLiteral("--animate needs --gif PATH or --webp PATH (or both), the files "
                              "to write.");

    // A GIF named .webp (or the reverse) is an easy slip that no viewer forgives.
    for (const auto &[option, path, other] :
         {std::tuple{"gif", result.gifPath, "webp"}, std::tuple{"webp", result.webpPath, "gif"}}) {
        if (QFileInfo(path).suffix().compare(QLatin1String(other), Qt::CaseInsensitive) == 0)
            return refusal(QLatin1String(option), path,
                           QStringLiteral("the name ends in .%1, but --%2 writes %3; name it "
                                          ".%2, or use --%1")
                               .arg(QLatin1String(other), QLatin1String(option),
                                    QLatin1String(option) == QLatin1String("gif")
                                        ? QStringLiteral("an animated GIF")
                                        : QStringLiteral("an animated WebP")));
    }
    const QString typed = value(parser, "animate");
    const elu::ParsedSweepRange range = elu::parseSweepRange(typed);
    if (!range.error.isEmpty())
        return refusal(QStringLiteral("animate"), typed, range.error);
    elu::ParameterSweep sweep{range.keyword, range.from, range.to};
    if (const QString error = readTiming(parser, sweep); !error.isEmpty())
        return error;

    QString error;
    const int curve = findSweptCurve(parser, result.session, range.keyword, typed, error);
    if (curve < 0)
        return error;
    const elu::ActivationParameter &parameter =
        *result.session.spec.curves[std::size_t(curve)].descriptor().parameter;
    for (const double end : {sweep.from, sweep.to}) {
        if (!parameter.accepts(end))
            return refusal(QStringLiteral("animate"), typed,
                           QStringLiteral("%1 takes %2").arg(range.keyword, parameter.acceptedText()));
    }
    if (const QString specError = elu::sweepSpecError(result.session.spec, curve, sweep);
        !specError.isEmpty())
        return refusal(QStringLiteral("animate"), typed, specError);

    result.animationFigure = result.session.figure;
    if (!result.hasScale)
        result.animationFigure.scale = 1.0;
    if (const QString framesError = checkFrames(result, sweep); !framesError.isEmpty())
        return framesError;
    result.sweep = sweep;
    result.animatedCurve = curve;
    return {};
}
