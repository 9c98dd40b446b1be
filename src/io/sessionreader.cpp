// SPDX-License-Identifier: MIT
// readSession: the session file's JSON, checked key by key.
#include "catalogue.h"
#include "gaussianmoments.h"
#include "jsonfields.h"
#include "sessionfile.h"

#include <cmath>

namespace elu {

namespace {

using Type = JsonValue::Type;

QString finiteError(double value)
{
    return std::isfinite(value) ? QString() : QStringLiteral("a finite number is required");
}

std::optional<quint32> colourFromText(const QString &text)
{
    if (text.size() != 7 || text.front() != QLatin1Char('#'))
        return std::nullopt;
    quint32 rgb = 0;
    for (qsizetype i = 1; i < text.size(); ++i) {
        const int digit = QStringLiteral("0123456789abcdef").indexOf(text.at(i).toLower());
        if (digit < 0)
            return std::nullopt;
        rgb = rgb * 16 + quint32(digit);
    }
    return rgb;
}

void readCurve(JsonFieldReader &r, const JsonValue &entry, std::size_t index, Session &session)
{
    const QString prefix = QStringLiteral("curves[%1].").arg(index);
    if (entry.type != Type::Object)
        return r.refuse(prefix.chopped(1), entry,
                        QStringLiteral("a curve is an object with an \"activation\""));
    const auto activation = [](const QString &text) -> std::optional<ActivationId> {
        const Activation *row = findActivation(text);
        return row ? std::optional(row->id) : std::nullopt;
    };
    ActivationId id = ActivationId::Elu;
    if (!r.find(entry, prefix, "activation", true))
        return;
    r.name(entry, prefix, "activation", id, activation,
           QStringLiteral("the activation must be one of ") + activationNames());
    if (r.failed())
        return;
    Curve curve = Curve::withDefault(id);
    if (const auto &parameter = curve.descriptor().parameter) {
        const QByteArray keyword(parameter->keyword.data(), qsizetype(parameter->keyword.size()));
        r.number(entry, prefix, keyword.constData(), curve.parameter,
                 [id](double v) { return parameterError(id, v); });
    }
    CurveAppearance appearance;
    appearance.colourSlot = int(index % limits::colourSlots);
    r.integer(entry, prefix, "colour_slot", appearance.colourSlot, [](qint64 v) {
        return v >= 0 && v < limits::colourSlots
                   ? QString()
                   : QStringLiteral("a colour slot is a whole number from 0 to %1")
                         .arg(limits::colourSlots - 1);
    });
    if (const JsonValue *colour = r.find(entry, prefix, "colour");
        colour && colour->type != Type::Null) {
        const auto rgb =
            colour->type == Type::String ? colourFromText(colour->string) : std::nullopt;
        if (!rgb)
            return r.refuse(prefix + QStringLiteral("colour"), *colour,
                            QStringLiteral("a colour is \"#rrggbb\" (hexadecimal) or null"));
        appearance.customRgb = rgb;
    }
    r.boolean(entry, prefix, "visible", appearance.visible);
    session.spec.curves.push_back(curve);
    session.appearance.push_back(appearance);
}

void readCurves(JsonFieldReader &r, const JsonValue &root, Session &session)
{
    const JsonValue *curves = r.find(root, QString(), "curves", true);
    if (!curves)
        return;
    if (curves->type != Type::Array)
        return r.refuse(
            QStringLiteral("curves"), *curves,
            QStringLiteral("an array of 1 to %1 curves is required").arg(limits::curvesMax));
    if (const QString count = curveCountError(curves->items.size()); !count.isEmpty())
        return r.fail(QStringLiteral("curves: %1 curves are not accepted: %2")
                          .arg(curves->items.size())
                          .arg(count));
    session.spec.curves.clear();
    session.appearance.clear();
    for (std::size_t i = 0; i < curves->items.size() && !r.failed(); ++i)
        readCurve(r, curves->items[i], i, session);
}

// "format" and "version": is this a session file this build reads?
void readHeader(JsonFieldReader &r, const JsonValue &root)
{
    const QString format = QLatin1String(sessionFormatName);
    const QString notASession = QStringLiteral("this is not an ELU Explorer session (\"format\": "
                                               "\"%1\")")
                                    .arg(format);
    if (const JsonValue *value = r.find(root, QString(), "format");
        !r.failed() && (!value || value->type != Type::String || value->string != format)) {
        if (!value)
            return r.fail(QStringLiteral("format: missing: ") + notASession);
        return r.refuse(QStringLiteral("format"), *value, notASession);
    }
    const JsonValue *version = r.find(root, QString(), "version", true);
    if (!version)
        return;
    const qint64 number = jsonInteger(*version);
    if (number < 1)
        return r.refuse(QStringLiteral("version"), *version,
                        QStringLiteral("the version is a whole number from 1"));
    if (number > sessionFormatVersion)
        r.fail(QStringLiteral("version %1 is newer than this ELU Explorer reads (%2); a newer "
                              "ELU Explorer opens it")
                   .arg(number)
                   .arg(sessionFormatVersion));
}

void readBody(JsonFieldReader &r, const JsonValue &root, Session &session)
{
    readCurves(r, root, session);
    const std::size_t curves = session.spec.curves.size();
    r.integer(root, QString(), "selected_curve", session.selectedCurve, [curves](qint64 v) {
        return v >= 0 && std::size_t(v) < curves
                   ? QString()
                   : QStringLiteral("the selected curve is an index from 0 to %1").arg(curves - 1);
    });
    PlotSpec &spec = session.spec;
    r.number(root, QString(), "xmin", spec.xmin, finiteError);
    r.number(root, QString(), "xmax", spec.xmax, finiteError);
    r.integer(root, QString(), "points", spec.points, pointsError);

    if (const JsonValue *view = r.object(root, QString(), "view")) {
        const QString prefix = QStringLiteral("view.");
        ViewRange &v = session.view;
        r.number(*view, prefix, "x_lower", v.xLower, finiteError);
        r.number(*view, prefix, "x_upper", v.xUpper, finiteError);
        r.number(*view, prefix, "y_lower", v.yLower, finiteError);
        r.number(*view, prefix, "y_upper", v.yUpper, finiteError);
        r.boolean(*view, prefix, "fits_data", v.fitsData);
    }
    r.name(root, QString(), "layout", session.layout, layoutFromName,
           QStringLiteral("the layout must be one of ") + acceptedLayoutNames());
    if (const JsonValue *statistics = r.object(root, QString(), "statistics")) {
        const QString prefix = QStringLiteral("statistics.");
        r.number(*statistics, prefix, "mu", session.statisticsMu,
                 [](double v) { return gaussianInputError(v, 1.0); });
        r.number(*statistics, prefix, "sigma", session.statisticsSigma,
                 [](double v) { return gaussianInputError(0.0, v); });
    }
    if (const JsonValue *figure = r.object(root, QString(), "figure")) {
        const QString prefix = QStringLiteral("figure.");
        FigureOptions &f = session.figure;
        const auto side = [](qint64 v) {
            return figureSideError(int(qBound<qint64>(-1, v, qint64(limits::figureSideMax) + 1)));
        };
        r.integer(*figure, prefix, "width", f.width, side);
        r.integer(*figure, prefix, "height", f.height, side);
        // The pixel budget is checked with the final width and height by validate().
        r.number(*figure, prefix, "scale", f.scale, [](double v) {
            return figureScaleError(v, limits::figureSideMin, limits::figureSideMin);
        });
        r.name(*figure, prefix, "theme", f.theme, themeFromName,
               QStringLiteral("the theme must be one of ") + acceptedThemeNames());
    }
}

} // namespace

SessionReadResult readSession(QByteArrayView bytes)
{
    SessionReadResult result;
    if (bytes.size() > limits::sessionBytesMax) {
        result.error = QStringLiteral("%1 bytes is too large for a session file (at most %2)")
                           .arg(bytes.size())
                           .arg(limits::sessionBytesMax);
        return result;
    }
    const JsonReadResult json = readJson(bytes, limits::sessionDepthMax);
    if (!json.value) {
        result.error = QStringLiteral("not JSON at byte %1: %2").arg(json.offset).arg(json.error);
        return result;
    }
    if (json.value->type != Type::Object) {
        result.error = QStringLiteral("the file holds %1, not a session object")
                           .arg(json.value->type == Type::Array ? QStringLiteral("an array")
                                                                : QStringLiteral("a single value"));
        return result;
    }
    JsonFieldReader reader;
    Session session;
    readHeader(reader, *json.value);
    if (!reader.failed())
        readBody(reader, *json.value, session);
    if (!reader.failed())
        reader.fail(validate(session)); // what only the whole shows: the range, the pixel budget
    if (reader.failed())
        result.error = reader.error;
    else
        result.session = std::move(session);
    return result;
}

} // namespace elu
