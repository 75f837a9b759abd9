// The therapist's tools in the viewer: the "Client session" window (pain marked on the body
// or picked from a list, ranked candidates, the compression timer, notes) wired to the
// explorer and to the session record on disk (autosaved in the user's data folder).
#pragma once

#include "explore/explorer.h"
#include "modes/therapist/therapist_session.h"
#include "ui/therapist_panel.h"

#include <functional>
#include <string>
#include <vector>

namespace myomap::app {

class TherapistTools {
public:
    // Needs the figure open in `explorer` (its surfaces place the pain).
    TherapistTools(Explorer& explorer, const anatomy::Atlas& atlas, std::filesystem::path sessionsFolder,
                   long long unixNow);
    // Saves what the autosave has not written yet (a mode switch or quitting within its delay,
    // or after a failed save); a failure is logged, as nothing is left to show it.
    ~TherapistTools();
    TherapistTools(const TherapistTools&) = delete;
    TherapistTools& operator=(const TherapistTools&) = delete;

    // Draws the window and carries out what was asked; `clock` is the viewer's seconds.
    void draw(double clock, long long unixNow);
    // Timer and autosave.
    void update(double clock, long long unixNow);
    // A click on the body at `point` (world, on the surface): marks pain there when marking
    // is on. Returns true when the click was taken.
    bool bodyClicked(const glm::vec3& point);
    // The marked points, drawn as blue discs.
    void addMarkers(render::FrameData& frame) const;

    // Carries out what the panel asked (tests and automation go through here too).
    void carryOut(const ui::TherapistAction& action, double clock, long long unixNow);
    // What the panel shows: the save status among it.
    const ui::TherapistUi& panel() const { return m_ui; }

    TherapistSession& session() { return m_session; }
    // The Sessions window's list (read from disk only when the folder changes).
    const session::SessionListCache& sessionList() const { return m_sessionList; }
    std::vector<std::string>& messages() { return m_messages; }  // for the Problems window
    // Set by the app: makes the handout for the session (a PDF in the data folder).
    std::function<Status()> makeHandout;

private:
    void fillUi(double clock);
    void drawSessionsWindow(double clock, long long unixNow);
    std::string markLabel(const session::PainMark& mark) const;
    void showSave(const Status& saved, long long unixNow);
    // Saves the current session before it is replaced; false (and the reason shown) when it
    // could not be saved, so the caller keeps it.
    bool savedBeforeLeaving(long long unixNow);

    Explorer& m_explorer;
    const anatomy::Atlas& m_atlas;
    TherapistSession m_session;
    CompressionTimer m_timer;
    ui::TherapistUi m_ui;
    std::vector<ui::TherapistAction> m_actions;
    std::vector<std::string> m_regionIds;  // behind m_ui.regionLabels
    std::vector<std::string> m_messages;
    double m_doneAt = -100.0;
    bool m_showSessions = false;
    session::SessionListCache m_sessionList;
    long long m_lastUnixNow = 0;  // for the save on destruction
    // What m_ui.timerPoint and m_ui.sessionTitle were made from: they are made again only when
    // it changes (making them every frame allocated).
    std::string m_timerPointOf;
    std::string m_sessionTitleOf;
    bool m_textMade = false;
};

}  // namespace myomap::app
