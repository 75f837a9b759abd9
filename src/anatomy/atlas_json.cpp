#include "anatomy/atlas_json.h"

namespace myomap::anatomy {
namespace {

using Json = nlohmann::ordered_json;

Json levels(const Levels& l) { return {{"client", l.client}, {"student", l.student}}; }

Json techniques(const std::vector<Technique>& list) {
    Json out = Json::array();
    for (const Technique& t : list) out.push_back({{"technique", t.technique}, {"how", t.how}});
    return out;
}

template <typename T>
Json listOf(const std::vector<T>& items) {
    Json out = Json::array();
    for (const T& item : items) out.push_back(toJson(item));
    return out;
}

}  // namespace

Json toJson(const Source& source) {
    Json out = {{"key", source.key}, {"authors", source.authors}, {"title", source.title}, {"year", source.year}};
    if (!source.edition.empty()) out["edition"] = source.edition;
    if (!source.publisher.empty()) out["publisher"] = source.publisher;
    if (!source.journal.empty()) out["journal"] = source.journal;
    return out;
}

Json toJson(const Citation& citation) {
    Json out = {{"ref", citation.ref}};
    if (!citation.chapter.empty()) out["chapter"] = citation.chapter;
    if (!citation.pages.empty()) out["pages"] = citation.pages;
    // Empty when sources.json was unusable at load time.
    if (!citation.source.key.empty()) out["source"] = toJson(citation.source);
    return out;
}

Json toJson(const ReferralZone& zone) {
    Json out;
    if (!zone.region.empty()) {
        out["region"] = zone.region;
    } else {
        out["landmark"] = zone.landmark;
        out["radius_cm"] = zone.radiusCm;
    }
    out["kind"] = toString(zone.kind);
    out["side"] = toString(zone.side);
    return out;
}

Json toJson(const TriggerPoint& tp) {
    return {{"id", tp.id},
            {"muscle", tp.muscleId},
            {"name", tp.name},
            {"u", tp.u},
            {"v", tp.v},
            {"palpation", tp.palpation},
            {"referral", {{"description", levels(tp.referral)}, {"zones", listOf(tp.zones)}}}};
}

Json toJson(const Muscle& m) {
    Json out = {{"id", m.id},
                {"names", {{"common", m.names.common}, {"latin", m.names.latin}, {"also", m.names.also}}},
                {"region", m.region},
                {"layer", toString(m.layer)},
                {"origin", m.origin},
                {"insertion", m.insertion},
                {"action", m.action},
                {"innervation", m.innervation},
                {"v_axis", {{"from", toString(m.vFrom)}, {"to", toString(m.vTo)}}},
                {"related", m.related},
                {"summary", levels(m.summary)},
                {"trigger_points", listOf(m.triggerPoints)},
                {"symptoms", levels(m.symptoms)},
                {"causes", m.causes},
                {"treatment", {{"therapist", techniques(m.therapistTreatment)}, {"self_care", techniques(m.selfCare)}}},
                {"cautions", m.cautions},
                {"sources", listOf(m.sources)}};
    if (!m.sourceNotes.empty()) out["source_notes"] = m.sourceNotes;
    return out;
}

Json toJson(const Page& page) {
    Json sections = Json::array();
    for (const PageSection& s : page.sections) {
        Json section = {{"heading", s.heading}};
        if (!s.client.empty()) section["client"] = s.client;
        if (!s.student.empty()) section["student"] = s.student;
        if (s.table) section["table"] = {{"columns", s.table->columns}, {"rows", s.table->rows}};
        sections.push_back(std::move(section));
    }
    return {{"id", page.id},
            {"title", page.title},
            {"order", page.order},
            {"sections", std::move(sections)},
            {"sources", listOf(page.sources)}};
}

Json toJson(const Problem& problem) {
    return {{"file", problem.file.string()},
            {"path", problem.jsonPath},
            {"message", problem.message},
            {"severity", problem.severity == Severity::Error ? "error" : "warning"},
            {"skipped", problem.skipped}};
}

}  // namespace myomap::anatomy
