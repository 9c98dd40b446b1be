// SPDX-License-Identifier: MIT
#include "statswriter.h"

#include "datawriter.h"
#include "numberformat.h"
#include "safefilewriter.h"

#include <QIODevice>

#include <cmath>

namespace elu {

namespace {

void appendNumber(QByteArray &out, double value)
{
    if (!std::isfinite(value)) {
        out += "null"; // JSON has no NaN or Infinity
        return;
    }
    char buffer[maxNumberLength];
    out.append(buffer, writeShortest(buffer, value) - buffer);
}

void appendKey(QByteArray &out, std::string_view key)
{
    out += '"';
    out.append(key.data(), qsizetype(key.size()));
    out += "\": ";
}

void appendRow(QByteArray &out, const CurveMoments &row)
{
    const Activation &activation = row.curve.descriptor();
    out += "    {";
    appendKey(out, "activation");
    out += '"';
    out.append(activation.name.data(), qsizetype(activation.name.size()));
    out += '"';
    if (activation.parameter) {
        out += ", ";
        appendKey(out, activation.parameter->keyword);
        appendNumber(out, row.curve.parameter);
    }
    const Moments &m = row.moments;
    for (const auto &[key, value] :
         {std::pair{std::string_view("mean"), m.mean},
          std::pair{std::string_view("variance"), m.variance},
          std::pair{std::string_view("mean_derivative"), m.meanDerivative},
          std::pair{std::string_view("mean_derivative_squared"), m.meanDerivativeSquared}}) {
        out += ", ";
        appendKey(out, key);
        appendNumber(out, value);
    }
    out += '}';
}

} // namespace

std::vector<CurveMoments> curveMoments(const std::vector<Curve> &curves, const GaussianInput &input)
{
    std::vector<CurveMoments> rows;
    rows.reserve(curves.size());
    for (const Curve &curve : curves)
        rows.push_back({curve, gaussianMoments(curve, input)});
    return rows;
}

QByteArray statisticsJson(const GaussianInput &input, const std::vector<CurveMoments> &rows)
{
    QByteArray out;
    out.reserve(256 + 200 * qsizetype(rows.size()));
    out += "{\n  ";
    appendKey(out, "mu");
    appendNumber(out, input.mu);
    out += ",\n  ";
    appendKey(out, "sigma");
    appendNumber(out, input.sigma);
    out += ",\n  ";
    appendKey(out, "curves");
    out += "[\n";
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (i > 0)
            out += ",\n";
        appendRow(out, rows[i]);
    }
    out += "\n  ],\n  ";
    appendKey(out, "generator");
    out += '"' + generatorName().toUtf8() + "\"\n}\n";
    return out;
}

QByteArray statisticsJson(const GaussianInput &input, const std::vector<Curve> &curves)
{
    return statisticsJson(input, curveMoments(curves, input));
}

WriteResult saveStatistics(const QString &path, const GaussianInput &input,
                           const std::vector<Curve> &curves)
{
    if (const QString error = gaussianInputError(input.mu, input.sigma); !error.isEmpty())
        return WriteError{path, error};
    const QByteArray bytes = statisticsJson(input, curves);
    return writeFileAtomically(
        path, [&](QIODevice &device) { return device.write(bytes) == bytes.size(); });
}

} // namespace elu
