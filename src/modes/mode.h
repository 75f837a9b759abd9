// A mode of the viewer: who is at the screen and what that adds to exploring the figure
// (therapist, student, kiosk, each in its own folder beside this file). The viewer holds one
// current mode and calls these hooks; it never asks which mode it is. A new mode is a folder
// with a class derived from Mode and one line in modes/registry.cpp.
#pragma once

#include "explore/camera_moves.h"
#include "explore/explorer.h"
#include "render/frame_data.h"
#include "render/renderer.h"
#include "ui/panel_common.h"

#include <string>
#include <vector>

namespace myomap::app {

// What a mode works with, lent by the viewer for the length of one call.
struct ModeContext {
    Explorer& explorer;
    const anatomy::Atlas& atlas;
    render::Renderer& renderer;
    CameraRig& camera;
    const render::FrameData& frame;  // the last frame built: clicks and hovers land on it
    const int& clip;                 // the pose shown is the explorer's clip at `time`
    const float& time;
    double now;                      // seconds since the viewer started: heat and timers run on it
    long long unixNow;               // the wall clock, for records
    std::vector<std::string>& errors;  // shown in the Problems window (which opens) and logged
    std::vector<std::string>& notes;   // shown in the Problems window without alarm
    bool quit = false;                 // a mode sets it to end the app (the kiosk's staff exit)

    model::Pose pose() const { return explorer.view().pose(clip, time); }
};

// How the panels read in a mode, set once on entering it.
struct Reading {
    ui::ReadingLevel level = ui::ReadingLevel::Client;
    bool largeType = false;  // the muscle panel's text in the large face
};

class Mode;

// The viewer's usual screen that a mode's windows sit in: the menus, the model and explorer
// panels, the mode's guide, the muscle panel, the mode's panel, the Learn window and the
// keyboard shortcuts, in that order.
class Desk {
public:
    virtual ~Desk() = default;
    // Draws the desk for one frame with `mode`'s panel, Learn entries and cover in it.
    virtual void draw(ModeContext& context, Mode& mode) = 0;
};

class Mode {
public:
    Mode() = default;
    Mode(const Mode&) = delete;
    Mode& operator=(const Mode&) = delete;
    virtual ~Mode() = default;

    virtual Reading reading() const = 0;
    // Entering the mode, and again whenever another model is opened: the figure's look and what
    // the mode builds on the figure (a client session, a quiz's regions, the kiosk's tour).
    virtual void enter(ModeContext& context) = 0;
    // Leaving it (a switch of mode, another model opened): what must not be lost is saved.
    virtual void leave(ModeContext&) {}

    // The frame's UI: by default the desk with this mode's panel in it; the kiosk draws its
    // own screen instead.
    virtual void drawUi(ModeContext& context, Desk& desk) { desk.draw(context, *this); }
    // A window that steers what the body shows and may cover the selection (the student's
    // quiz): drawn before the muscle panel, which its cover hides.
    virtual void drawGuide(ModeContext&) {}
    // The mode's own windows on the desk, drawn after the muscle panel (the therapist's client
    // session).
    virtual void drawPanel(ModeContext&) {}
    // The mode's entries in the Learn menu.
    virtual void learnMenu() {}
    // While not empty, shown instead of the selection's name (a quiz question must not name the
    // muscle it shows); the muscle panel and the hover's name stay hidden meanwhile.
    virtual std::string_view selectionCover() const { return {}; }

    // The name shown for what is under the cursor at pixel (x, y): by default what is under
    // the translucent skin.
    virtual std::string hoverAt(ModeContext& context, int x, int y);
    // A click (not a drag) on the body at pixel (x, y); `shift` adds a referral to those shown.
    // By default: selects what is under the skin, or plays a trigger point's referral.
    virtual void bodyClicked(ModeContext& context, int x, int y, bool shift);
    // Markers the mode adds to each frame (the therapist's pain marks).
    virtual void addMarkers(render::FrameData&) const {}
    // The camera's own moves once a frame's input is handled: by default it eases to frame a
    // newly shown referral.
    virtual void moveCamera(ModeContext& context);

protected:
    // What a click on `picked` (a name from pickThroughSkin, "" for nothing) means while
    // exploring: nothing clears the selection, a trigger point plays its referral (`shift`:
    // added), a muscle is selected; with `playMainReferral`, its first trigger point's
    // referral plays at once (one muscle at a time, for a client).
    static void selectPicked(ModeContext& context, const std::string& picked, bool shift, bool playMainReferral);
};

}  // namespace myomap::app
