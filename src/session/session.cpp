#include "session/session.h"

#include "session/json_util.h"

#include <algorithm>
#include <cmath>
#include <ctime>
#include <limits>

namespace myomap::session {
namespace {

using detail::childPath;
using detail::describeValue;
using detail::Json;

bool isIdChar(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

bool isDigits(std::string_view text, std::size_t from, std::size_t count) {
    if (text.size() < from + count) return false;
    for (std::size_t i = from; i < from + count; ++i) {
        if (text[i] < '0' || text[i] > '9') return false;
    }
    return true;
}

// "YYYY-MM-DDTHH:MM:SS", then optional fractional seconds, then "Z" or "+HH:MM" / "-HH:MM".
bool looksLikeIsoTime(std::string_view t) {
    if (!(isDigits(t, 0, 4) && t.size() > 4 && t[4] == '-' && isDigits(t, 5, 2) && t[7] == '-' && isDigits(t, 8, 2) &&
          t.size() > 10 && (t[10] == 'T' || t[10] == 't') && isDigits(t, 11, 2) && t[13] == ':' && isDigits(t, 14, 2) &&
          t.size() > 16 && t[16] == ':' && isDigits(t, 17, 2))) {
        return false;
    }
    std::size_t i = 19;
    if (i < t.size() && t[i] == '.') {
        ++i;
        const std::size_t start = i;
        while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
        if (i == start) return false;
    }
    if (i == t.size()) return true;  // local time without a zone: accepted
    if ((t[i] == 'Z' || t[i] == 'z') && i + 1 == t.size()) return true;
    return (t[i] == '+' || t[i] == '-') && t.size() == i + 6 && isDigits(t, i + 1, 2) && t[i + 3] == ':' &&
           isDigits(t, i + 4, 2);
}

std::string formatUtc(long long unixSeconds, const char* format) {
    const std::time_t time = static_cast<std::time_t>(unixSeconds);
    std::tm parts{};
    if (!gmtime_r(&time, &parts)) return {};
    char buffer[64];
    const std::size_t n = std::strftime(buffer, sizeof buffer, format, &parts);
    return std::string(buffer, n);
}

// Pulls typed fields out of the parsed document, recording "path: problem" for each mistake.
class Reader {
public:
    std::vector<std::string> problems;

    void problem(const std::string& path, const std::string& what) {
        problems.push_back((path.empty() ? "/" : path) + ": " + what);
    }

    const Json* member(const Json& object, const std::string& path, const char* key, bool required) {
        const auto it = object.find(key);
        if (it == object.end()) {
            if (required) problem(childPath(path, key), "missing");
            return nullptr;
        }
        return &*it;
    }

    std::optional<std::string> string(const Json& object, const std::string& path, const char* key, bool required) {
        const Json* value = member(object, path, key, required);
        if (!value) return std::nullopt;
        if (!value->is_string()) {
            problem(childPath(path, key), "expected a string, found " + describeValue(*value));
            return std::nullopt;
        }
        return value->get<std::string>();
    }

    std::optional<std::string> time(const Json& object, const std::string& path, const char* key) {
        auto text = string(object, path, key, false);
        if (text && !text->empty() && !looksLikeIsoTime(*text)) {
            problem(childPath(path, key),
                    "expected an ISO 8601 time like \"2026-12-01T14:03:22Z\", found " + describeValue(Json(*text)));
            return std::nullopt;
        }
        return text;
    }

    std::optional<int> integer(const Json& object, const std::string& path, const char* key, bool required, int min,
                               int max) {
        const Json* value = member(object, path, key, required);
        if (!value) return std::nullopt;
        const std::string where = childPath(path, key);
        if (!value->is_number_integer()) {
            problem(where, "expected a whole number from " + std::to_string(min) + " to " + std::to_string(max) +
                               ", found " + describeValue(*value));
            return std::nullopt;
        }
        const double number = value->get<double>();
        if (number < min || number > max) {
            problem(where,
                    "must be from " + std::to_string(min) + " to " + std::to_string(max) + ", found " + value->dump());
            return std::nullopt;
        }
        return static_cast<int>(number);
    }

    // The array member `key`, or nullptr (absent is fine; any other kind is a problem).
    const Json* array(const Json& object, const std::string& path, const char* key) {
        const Json* value = member(object, path, key, false);
        if (!value || value->is_array()) return value;
        problem(childPath(path, key), "expected a list, found " + describeValue(*value));
        return nullptr;
    }

    bool isObject(const Json& value, const std::string& path) {
        if (value.is_object()) return true;
        problem(path, "expected an object, found " + describeValue(value));
        return false;
    }
};

std::optional<glm::vec3> readPoint(Reader& r, const Json& mark, const std::string& path) {
    const Json* value = r.member(mark, path, "point", false);
    if (!value || value->is_null()) return std::nullopt;
    const std::string where = childPath(path, "point");
    if (!value->is_array() || value->size() != 3) {
        r.problem(where, "expected a list of three numbers [x, y, z] in metres, found " + describeValue(*value));
        return std::nullopt;
    }
    glm::vec3 point{};
    for (std::size_t i = 0; i < 3; ++i) {
        const Json& c = (*value)[i];
        const double v = c.is_number() ? c.get<double>() : std::numeric_limits<double>::quiet_NaN();
        if (!std::isfinite(v) || std::abs(v) > 1.0e3) {
            r.problem(childPath(where, i), "expected a coordinate in metres, found " + describeValue(c));
            return std::nullopt;
        }
        point[static_cast<int>(i)] = static_cast<float>(v);
    }
    return point;
}

// Calls `read` with each object in the list `key` of `root` and its path; anything else in
// the list is a problem.
template <typename Read>
void forEachObject(Reader& r, const Json& root, const char* key, Read read) {
    const Json* list = r.array(root, "", key);
    if (!list) return;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string path = childPath(std::string("/") + key, i);
        const Json& item = (*list)[i];
        if (r.isObject(item, path)) read(item, path);
    }
}

// A string member that must be there and not be empty: "" (and a problem) otherwise.
std::string requiredText(Reader& r, const Json& item, const std::string& path, const char* key) {
    auto value = r.string(item, path, key, true);
    if (value && value->empty()) r.problem(childPath(path, key), "must not be empty");
    return value.value_or("");
}

void readPain(Reader& r, const Json& root, Session& out) {
    forEachObject(r, root, "pain", [&](const Json& item, const std::string& path) {
        PainMark mark;
        mark.region = requiredText(r, item, path, "region");
        mark.point = readPoint(r, item, path);
        mark.intensity = r.integer(item, path, "intensity", true, 0, 10).value_or(0);
        out.pain.push_back(std::move(mark));
    });
}

void readTreated(Reader& r, const Json& root, Session& out) {
    forEachObject(r, root, "treated", [&](const Json& item, const std::string& path) {
        TreatedPoint point;
        point.triggerPoint = requiredText(r, item, path, "triggerPoint");
        point.holdSeconds = r.integer(item, path, "holdSeconds", true, 0, 24 * 3600).value_or(0);
        point.at = r.time(item, path, "at").value_or("");
        out.treated.push_back(std::move(point));
    });
}

void readMuscles(Reader& r, const Json& root, Session& out) {
    const Json* list = r.array(root, "", "musclesExplored");
    if (!list) return;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const Json& item = (*list)[i];
        if (item.is_string()) {
            out.musclesExplored.push_back(item.get<std::string>());
        } else {
            r.problem(childPath("/musclesExplored", i),
                      "expected a mesh name (a string), found " + describeValue(item));
        }
    }
}

}  // namespace

bool isValidSessionId(std::string_view id) { return sessionIdProblem(id).empty(); }

std::string sessionIdProblem(std::string_view id) {
    if (id.empty()) return "a session id must not be empty";
    if (id.size() > kMaxSessionIdLength) {
        return "a session id has at most " + std::to_string(kMaxSessionIdLength) + " characters; this one has " +
               std::to_string(id.size());
    }
    for (char c : id) {
        if (!isIdChar(c)) {
            const bool printable = c >= 0x20 && c < 0x7f;
            return std::string("a session id may hold only letters, digits, '-' and '_'; found ") +
                   (printable ? "'" + std::string(1, c) + "'" : "a control or non-ASCII byte");
        }
    }
    return {};
}

std::string sessionIdForTime(long long unixSeconds) { return formatUtc(unixSeconds, "%Y-%m-%dT%H-%M-%S"); }

std::string isoUtc(long long unixSeconds) { return formatUtc(unixSeconds, "%Y-%m-%dT%H:%M:%SZ"); }

std::string toJson(const Session& session) {
    Json pain = Json::array();
    for (const PainMark& mark : session.pain) {
        Json item = {{"region", mark.region}, {"intensity", mark.intensity}};
        if (mark.point) item["point"] = {mark.point->x, mark.point->y, mark.point->z};
        pain.push_back(std::move(item));
    }
    Json treated = Json::array();
    for (const TreatedPoint& point : session.treated) {
        treated.push_back({{"triggerPoint", point.triggerPoint}, {"holdSeconds", point.holdSeconds}, {"at", point.at}});
    }
    const Json root = {
        {"version", session.version},
        {"id", session.id},
        {"created", session.created},
        {"modified", session.modified},
        {"clientLabel", session.clientLabel},
        {"pain", std::move(pain)},
        {"musclesExplored", session.musclesExplored},
        {"treated", std::move(treated)},
        {"notes", session.notes},
    };
    // Invalid UTF-8 in free text (pasted from elsewhere) is replaced rather than thrown on.
    return root.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

Result<Session> sessionFromJson(const std::string& text, const std::string& fileNameForMessages) {
    const std::string file = "'" + fileNameForMessages + "'";
    std::string parseError;
    const auto root = detail::parseJson(text, kMaxSessionJsonDepth, parseError);
    if (!root) return fail(file + ": " + parseError);
    if (!root->is_object()) return fail(file + ": expected a session (a JSON object), found " + describeValue(*root));

    Reader r;
    Session out;
    // The version decides how everything else is read, so a wrong one stops here.
    const Json* version = r.member(*root, "", "version", true);
    if (!version) return fail(file + ": /version: missing; is this a Myomap session file?");
    if (!version->is_number_integer()) {
        return fail(file + ": /version: expected a whole number, found " + describeValue(*version));
    }
    if (version->get<double>() != kSessionVersion) {
        return fail(file + ": /version: unknown session format version " + version->dump() +
                    "; this Myomap reads version " + std::to_string(kSessionVersion) +
                    " (was the file written by a newer Myomap?)");
    }
    out.version = kSessionVersion;

    if (auto id = r.string(*root, "", "id", true)) {
        if (const std::string why = sessionIdProblem(*id); !why.empty()) r.problem("/id", why);
        out.id = *id;
    }
    out.created = r.time(*root, "", "created").value_or("");
    out.modified = r.time(*root, "", "modified").value_or("");
    out.clientLabel = r.string(*root, "", "clientLabel", false).value_or("");
    readPain(r, *root, out);
    readMuscles(r, *root, out);
    readTreated(r, *root, out);
    out.notes = r.string(*root, "", "notes", false).value_or("");

    if (r.problems.empty()) return out;
    std::string message = file + ": ";
    const std::size_t shown = std::min<std::size_t>(r.problems.size(), 8);
    for (std::size_t i = 0; i < shown; ++i) message += (i ? "; " : "") + r.problems[i];
    if (r.problems.size() > shown) message += "; and " + std::to_string(r.problems.size() - shown) + " more problems";
    return fail(message);
}

}  // namespace myomap::session
