// Pages, sources.json and the citations both muscles and pages carry: docs/CONTENT.md.
#include "anatomy/content_parsers.h"
#include "anatomy/search.h"
#include "core/suggestions.h"

#include <array>

namespace myomap::anatomy::detail {
namespace {

using Need = Checker::Need;
using Kind = Checker::Kind;

constexpr std::array<std::string_view, 9> kPageFields{
    "id", "title", "order", "notice", "sections", "sources", "region_warnings", "pressure_cautions", "muscles"};
constexpr std::array<std::string_view, 4> kSectionFields{"heading", "client", "student", "table"};
constexpr std::array<std::string_view, 2> kTableFields{"columns", "rows"};
constexpr std::array<std::string_view, 3> kCitationFields{"ref", "chapter", "pages"};
constexpr std::array<std::string_view, 6> kSourceFields{"authors", "title", "edition", "publisher", "journal", "year"};

bool isSnakeCase(const std::string& id) {
    if (id.empty() || id.front() < 'a' || id.front() > 'z' || id.back() == '_') return false;
    for (char c : id) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
    }
    return true;
}

std::optional<Table> parseTable(const Json& section, const std::string& path, Checker& checker) {
    const Json* table = checker.get(section, path, "table", Kind::Object);
    if (!table) return std::nullopt;
    const std::string here = childPath(path, "table");
    checker.unknownFields(*table, here, kTableFields);
    const std::size_t start = checker.mark();
    Table out;
    if (auto columns = checker.textList(*table, here, "columns", true)) out.columns = std::move(*columns);
    if (const Json* rows = checker.array(*table, here, "rows", true)) {
        const std::string rowsPath = childPath(here, "rows");
        for (std::size_t r = 0; r < rows->size(); ++r) {
            const Json& row = (*rows)[r];
            const std::string rowPath = childPath(rowsPath, r);
            if (!row.is_array()) {
                checker.error(rowPath, "expected a list of strings, found " + describeValue(row));
                continue;
            }
            if (!out.columns.empty() && row.size() != out.columns.size()) {
                checker.error(rowPath, "has " + std::to_string(row.size()) + " cells but the table has " +
                                           std::to_string(out.columns.size()) + " columns");
            }
            std::vector<std::string> cells;
            for (std::size_t c = 0; c < row.size(); ++c) {
                if (!row[c].is_string()) {
                    checker.error(childPath(rowPath, c), "expected a string, found " + describeValue(row[c]));
                } else {
                    cells.push_back(row[c].get<std::string>());
                }
            }
            out.rows.push_back(std::move(cells));
        }
    }
    if (checker.errorsSince(start) > 0) return std::nullopt;
    return out;
}

std::optional<PageSection> parseSection(const Json& section, const std::string& path, Checker& checker) {
    if (!checker.expectObject(section, path)) return std::nullopt;
    checker.unknownFields(section, path, kSectionFields);
    const std::size_t start = checker.mark();
    PageSection out;
    if (auto heading = checker.text(section, path, "heading")) out.heading = std::move(*heading);
    const bool hasText = section.contains("client") || section.contains("student");
    if (hasText) {
        if (auto client = checker.text(section, path, "client")) out.client = std::move(*client);
        if (auto student = checker.text(section, path, "student")) out.student = std::move(*student);
    }
    if (section.contains("table")) {
        out.table = parseTable(section, path, checker);
    } else if (!hasText) {
        checker.error(path, "a section needs text at both levels ('client' and 'student'), a 'table', or both");
    }
    if (checker.errorsSince(start) > 0) return std::nullopt;
    return out;
}

}  // namespace

std::optional<std::vector<Citation>> parseCitations(const Json& object, const std::string& path,
                                                    const ParseContext& context, Checker& checker) {
    const Json* list = checker.array(object, path, "sources", true);
    if (!list) return std::nullopt;
    const std::string here = childPath(path, "sources");
    const std::size_t start = checker.mark();
    std::vector<Citation> out;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string itemPath = childPath(here, i);
        const Json& item = (*list)[i];
        if (!checker.expectObject(item, itemPath)) continue;
        checker.unknownFields(item, itemPath, kCitationFields);
        Citation citation;
        if (auto ref = checker.text(item, itemPath, "ref")) citation.ref = std::move(*ref);
        if (auto chapter = checker.text(item, itemPath, "chapter", Need::Optional))
            citation.chapter = std::move(*chapter);
        if (auto pages = checker.text(item, itemPath, "pages", Need::Optional)) citation.pages = std::move(*pages);
        if (!item.contains("chapter") && !item.contains("pages")) {
            checker.error(itemPath, "a source reference needs a 'chapter' or 'pages'");
        }
        if (!citation.ref.empty() && context.sources) {
            const auto found = context.sources->find(citation.ref);
            if (found == context.sources->end()) {
                std::vector<std::string_view> keys;
                for (const auto& [key, source] : *context.sources) keys.push_back(key);
                checker.error(childPath(itemPath, "ref"), "'" + citation.ref + "' is not a key of sources.json" +
                                                              didYouMean(closestMatches(citation.ref, keys, 1)));
            } else {
                citation.source = found->second;
            }
        }
        out.push_back(std::move(citation));
    }
    if (checker.errorsSince(start) > 0) return std::nullopt;
    return out;
}

std::optional<Page> parsePage(const Json& root, const ParseContext& context, Checker& checker) {
    const std::size_t start = checker.mark();
    if (!root.is_object()) {
        checker.error("", "a page file holds one JSON object, found " + describeValue(root));
        checker.setSkipped(start, "page");
        return std::nullopt;
    }
    checker.unknownFields(root, "", kPageFields);
    Page page;
    if (auto id = checker.text(root, "", "id")) {
        if (!isSnakeCase(*id)) checker.error("/id", "'" + *id + "' is not a snake_case id");
        page.id = std::move(*id);
    }
    if (auto title = checker.text(root, "", "title")) page.title = std::move(*title);
    if (auto notice = checker.text(root, "", "notice", Need::Optional)) page.notice = std::move(*notice);
    if (const Json* order = checker.get(root, "", "order", Kind::Integer)) {
        const auto value = order->get<long long>();
        if (value < 0 || value > 100000)
            checker.error("/order", "must be between 0 and 100000, found " + order->dump());
        else
            page.order = static_cast<int>(value);
    }
    if (const Json* sections = checker.array(root, "", "sections", true)) {
        for (std::size_t i = 0; i < sections->size(); ++i) {
            if (auto section = parseSection((*sections)[i], childPath("/sections", i), checker)) {
                page.sections.push_back(std::move(*section));
            }
        }
    }
    if (auto sources = parseCitations(root, "", context, checker)) page.sources = std::move(*sources);
    if (auto muscles = checker.textList(root, "", "muscles", true, Need::Optional)) {
        for (std::size_t i = 0; i < muscles->size(); ++i) {
            if (!isMuscleId((*muscles)[i])) {
                checker.error(childPath("/muscles", i), "'" + (*muscles)[i] + "' is not one of the figure's " +
                                                            std::to_string(kMuscleIds.size()) + " muscle ids");
            }
        }
        page.muscles = std::move(*muscles);
    }
    page.regionWarnings = parseRegionWarnings(root, page.id, checker);
    page.pressureCautions = parsePressureCautions(root, page.id, checker);
    if (checker.errorsSince(start) > 0) {
        checker.setSkipped(start, page.id.empty() ? std::string("page") : "page " + page.id);
        return std::nullopt;
    }
    return page;
}

std::map<std::string, Source> parseSources(const Json& root, Checker& checker) {
    std::map<std::string, Source> out;
    if (!root.is_object()) {
        checker.error("", "sources.json holds one JSON object (key -> reference), found " + describeValue(root));
        return out;
    }
    for (const auto& [key, entry] : root.items()) {
        const std::string path = childPath("", key);
        const std::size_t start = checker.mark();
        if (!isSnakeCase(key)) checker.error(path, "the key '" + key + "' is not a snake_case id");
        if (!checker.expectObject(entry, path)) {
            checker.setSkipped(start, "source " + key);
            continue;
        }
        checker.unknownFields(entry, path, kSourceFields);
        Source source;
        source.key = key;
        if (auto authors = checker.text(entry, path, "authors")) source.authors = std::move(*authors);
        if (auto title = checker.text(entry, path, "title")) source.title = std::move(*title);
        if (auto edition = checker.text(entry, path, "edition", Need::Optional)) source.edition = std::move(*edition);
        if (auto publisher = checker.text(entry, path, "publisher", Need::Optional)) {
            source.publisher = std::move(*publisher);
        }
        if (auto journal = checker.text(entry, path, "journal", Need::Optional)) source.journal = std::move(*journal);
        if (const Json* year = checker.get(entry, path, "year", Kind::Integer)) {
            const auto value = year->get<long long>();
            if (value < 1000 || value > 2999)
                checker.error(childPath(path, "year"), "is not a plausible year: " + year->dump());
            else
                source.year = static_cast<int>(value);
        }
        if (checker.errorsSince(start) > 0) {
            checker.setSkipped(start, "source " + key);
            continue;
        }
        out.emplace(key, std::move(source));
    }
    return out;
}

}  // namespace myomap::anatomy::detail
