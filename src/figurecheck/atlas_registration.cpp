#include "figurecheck/atlas_registration.h"

#include <glm/gtc/quaternion.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

namespace myomap::figurecheck {

namespace {

// Eigenvalues and eigenvectors of a symmetric N x N matrix by cyclic Jacobi rotations: `a` is
// destroyed; on return values[k] goes with the column vectors[.][k], sorted largest first.
template <int N>
void symmetricEigen(double (&a)[N][N], double (&values)[N], double (&vectors)[N][N]) {
    for (int r = 0; r < N; ++r)
        for (int c = 0; c < N; ++c) vectors[r][c] = r == c ? 1.0 : 0.0;
    for (int sweep = 0; sweep < 64; ++sweep) {
        double off = 0.0;
        for (int r = 0; r < N; ++r)
            for (int c = r + 1; c < N; ++c) off += a[r][c] * a[r][c];
        if (off < 1e-30) break;
        for (int p = 0; p < N; ++p) {
            for (int q = p + 1; q < N; ++q) {
                if (a[p][q] == 0.0) continue;
                const double theta = (a[q][q] - a[p][p]) / (2.0 * a[p][q]);
                const double t = (theta >= 0.0 ? 1.0 : -1.0) / (std::abs(theta) + std::sqrt(theta * theta + 1.0));
                const double c = 1.0 / std::sqrt(t * t + 1.0), s = t * c;
                for (int k = 0; k < N; ++k) {  // A <- A J
                    const double akp = a[k][p], akq = a[k][q];
                    a[k][p] = c * akp - s * akq;
                    a[k][q] = s * akp + c * akq;
                }
                for (int k = 0; k < N; ++k) {  // A <- J^T A
                    const double apk = a[p][k], aqk = a[q][k];
                    a[p][k] = c * apk - s * aqk;
                    a[q][k] = s * apk + c * aqk;
                }
                for (int k = 0; k < N; ++k) {  // V <- V J
                    const double vkp = vectors[k][p], vkq = vectors[k][q];
                    vectors[k][p] = c * vkp - s * vkq;
                    vectors[k][q] = s * vkp + c * vkq;
                }
            }
        }
    }
    int order[N];
    std::iota(order, order + N, 0);
    std::sort(order, order + N, [&](int x, int y) { return a[x][x] > a[y][y]; });
    double sortedVectors[N][N];
    for (int k = 0; k < N; ++k) {
        values[k] = a[order[k]][order[k]];
        for (int r = 0; r < N; ++r) sortedVectors[r][k] = vectors[r][order[k]];
    }
    for (int r = 0; r < N; ++r)
        for (int c = 0; c < N; ++c) vectors[r][c] = sortedVectors[r][c];
}

// Why a point set cannot fix a rotation, or empty when it can: it must span a plane.
std::string spreadProblem(const PrincipalAxes& axes) {
    if (!(axes.variances[0] > 0.0)) return "all points coincide";
    if (axes.variances[1] < 1e-9 * axes.variances[0])
        return "the points lie on one line, so a rotation about it is not determined";
    return {};
}

}  // namespace

glm::dvec3 rasMillimetresToFigureAxes(const glm::dvec3& ras) { return glm::dvec3(-ras.x, ras.z, ras.y) * 0.001; }

double Similarity::rotationDegrees() const {
    const double c = std::clamp((rotation[0][0] + rotation[1][1] + rotation[2][2] - 1.0) * 0.5, -1.0, 1.0);
    return glm::degrees(std::acos(c));
}

PrincipalAxes principalAxes(std::span<const glm::dvec3> points) {
    PrincipalAxes result;
    if (points.empty()) return result;
    for (const glm::dvec3& p : points) result.mean += p;
    result.mean /= static_cast<double>(points.size());
    double cov[3][3] = {};
    for (const glm::dvec3& p : points) {
        const glm::dvec3 d = p - result.mean;
        for (int r = 0; r < 3; ++r)
            for (int c = 0; c < 3; ++c) cov[r][c] += d[r] * d[c];
    }
    for (auto& row : cov)
        for (double& v : row) v /= static_cast<double>(points.size());
    double values[3], vectors[3][3];
    symmetricEigen<3>(cov, values, vectors);
    for (int k = 0; k < 3; ++k) {
        result.variances[static_cast<std::size_t>(k)] = std::max(0.0, values[k]);
        result.axes[static_cast<std::size_t>(k)] = glm::dvec3(vectors[0][k], vectors[1][k], vectors[2][k]);
    }
    return result;
}

Result<Similarity> fitSimilarity(std::span<const glm::dvec3> from, std::span<const glm::dvec3> to) {
    if (from.size() != to.size())
        return fail("similarity fit: " + std::to_string(from.size()) + " points to map onto " +
                    std::to_string(to.size()));
    if (from.size() < 3)
        return fail("similarity fit: needs at least 3 corresponding points, got " + std::to_string(from.size()));
    for (std::size_t i = 0; i < from.size(); ++i) {
        for (int a = 0; a < 3; ++a) {
            if (!std::isfinite(from[i][a]) || !std::isfinite(to[i][a]))
                return fail("similarity fit: point " + std::to_string(i + 1) + " is not finite");
        }
    }
    const PrincipalAxes source = principalAxes(from), target = principalAxes(to);
    if (auto why = spreadProblem(source); !why.empty()) return fail("similarity fit: in the points to move, " + why);
    if (auto why = spreadProblem(target); !why.empty()) return fail("similarity fit: in the target points, " + why);

    // Horn: the rotation is the unit quaternion maximising q^T N q, N built from the
    // cross-covariance S[r][c] = sum (a_r * b_c) of the centred points.
    double s[3][3] = {};
    double sourceSpread = 0.0;
    for (std::size_t i = 0; i < from.size(); ++i) {
        const glm::dvec3 a = from[i] - source.mean, b = to[i] - target.mean;
        for (int r = 0; r < 3; ++r)
            for (int c = 0; c < 3; ++c) s[r][c] += a[r] * b[c];
        sourceSpread += glm::dot(a, a);
    }
    const double xx = s[0][0], xy = s[0][1], xz = s[0][2], yx = s[1][0], yy = s[1][1], yz = s[1][2];
    const double zx = s[2][0], zy = s[2][1], zz = s[2][2];
    double n[4][4] = {{xx + yy + zz, yz - zy, zx - xz, xy - yx},
                      {yz - zy, xx - yy - zz, xy + yx, zx + xz},
                      {zx - xz, xy + yx, -xx + yy - zz, yz + zy},
                      {xy - yx, zx + xz, yz + zy, -xx - yy + zz}};
    double values[4], vectors[4][4];
    symmetricEigen<4>(n, values, vectors);
    const glm::dquat q = glm::normalize(glm::dquat(vectors[0][0], vectors[1][0], vectors[2][0], vectors[3][0]));
    Similarity result;
    result.rotation = glm::mat3_cast(q);
    double along = 0.0;  // sum of b . (R a): the least-squares scale's numerator
    for (std::size_t i = 0; i < from.size(); ++i)
        along += glm::dot(to[i] - target.mean, result.rotation * (from[i] - source.mean));
    result.scale = along / sourceSpread;
    if (!(result.scale > 0.0))
        return fail("similarity fit: the best scale is not positive (the point sets do not correspond)");
    result.translation = target.mean - result.scale * (result.rotation * source.mean);
    return result;
}

double rmsResidual(const Similarity& transform, std::span<const glm::dvec3> from, std::span<const glm::dvec3> to) {
    const std::size_t n = std::min(from.size(), to.size());
    if (n == 0) return 0.0;
    double sum = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        const glm::dvec3 d = transform.apply(from[i]) - to[i];
        sum += glm::dot(d, d);
    }
    return std::sqrt(sum / static_cast<double>(n));
}

}  // namespace myomap::figurecheck
