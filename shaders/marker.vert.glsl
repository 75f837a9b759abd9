#version 330 core
// One screen-sized point sprite per draw (trigger point markers), at uCenter in world space.
uniform mat4 uViewProjection;
uniform vec3 uCenter;
uniform float uRadius;  // pixels

void main() {
    gl_Position = uViewProjection * vec4(uCenter, 1.0);
    // Pulled a little towards the viewer so it is not buried in the surface it sits on.
    gl_Position.z -= 0.002 * gl_Position.w;
    gl_PointSize = 2.0 * uRadius;
}
