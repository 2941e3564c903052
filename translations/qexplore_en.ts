<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>qx::ui::CalibrationBox</name>
    <message numerus="yes">
        <source>Applied %1 as the whole plan (%n tensor(s) changed): evaluate it in the Evaluate tab (undo restores the previous plan)</source>
        <translation>
            <numerusform>Applied %1 as the whole plan (%n tensor changed): evaluate it in the Evaluate tab (undo restores the previous plan)</numerusform>
            <numerusform>Applied %1 as the whole plan (%n tensors changed): evaluate it in the Evaluate tab (undo restores the previous plan)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Applied %1 to its %n calibrated tensor(s); the others keep their formats. Evaluate it in the Evaluate tab (undo restores the previous plan)</source>
        <translation>
            <numerusform>Applied %1 to its %n calibrated tensor; the others keep their formats. Evaluate it in the Evaluate tab (undo restores the previous plan)</numerusform>
            <numerusform>Applied %1 to its %n calibrated tensors; the others keep their formats. Evaluate it in the Evaluate tab (undo restores the previous plan)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>qx::ui::DistributionView</name>
    <message numerus="yes">
        <source>grid of row %1, values %2–%3: %n levels</source>
        <translation>
            <numerusform>grid of row %1, values %2–%3: %n level</numerusform>
            <numerusform>grid of row %1, values %2–%3: %n levels</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>levels in use of row %1, values %2–%3 (grid of %n levels too fine to draw here)</source>
        <translation>
            <numerusform>levels in use of row %1, values %2–%3 (grid of %n level too fine to draw here)</numerusform>
            <numerusform>levels in use of row %1, values %2–%3 (grid of %n levels too fine to draw here)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 super-block: %2 (%n sub-blocks)</source>
        <translation>
            <numerusform>%1 super-block: %2 (%n sub-block)</numerusform>
            <numerusform>%1 super-block: %2 (%n sub-blocks)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 is a floating-point format: %n distinct values in this block, spaced by their exponents rather than one step.</source>
        <translation>
            <numerusform>%1 is a floating-point format: %n distinct value in this block, spaced by their exponents rather than one step.</numerusform>
            <numerusform>%1 is a floating-point format: %n distinct values in this block, spaced by their exponents rather than one step.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>qx::ui::LayersView</name>
    <message numerus="yes">
        <source>Waiting for the plan&apos;s errors (%n tensor(s) left)…</source>
        <translation>
            <numerusform>Waiting for the plan&apos;s errors (%n tensor left)…</numerusform>
            <numerusform>Waiting for the plan&apos;s errors (%n tensors left)…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tensor(s)</source>
        <translation>
            <numerusform>%n tensor</numerusform>
            <numerusform>%n tensors</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>qx::ui::OutliersView</name>
    <message numerus="yes">
        <source>%n value(s) beyond 6σ (|w| &gt; %1); the largest %2 are listed.</source>
        <translation>
            <numerusform>%n value beyond 6σ (|w| &gt; %1); the largest %2 are listed.</numerusform>
            <numerusform>%n values beyond 6σ (|w| &gt; %1); the largest %2 are listed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>qx::ui::PlanDocument</name>
    <message numerus="yes">
        <source>%n edit(s)</source>
        <translation>
            <numerusform>%n edit</numerusform>
            <numerusform>%n edits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n schemes</source>
        <translation>
            <numerusform>%n scheme</numerusform>
            <numerusform>%n schemes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>qx::ui::SchemePanel</name>
    <message numerus="yes">
        <source>%n tensor(s) changed</source>
        <translation>
            <numerusform>%n tensor changed</numerusform>
            <numerusform>%n tensors changed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tensor(s) cannot hold it (row length).</source>
        <translation>
            <numerusform>%n tensor cannot hold it (row length).</numerusform>
            <numerusform>%n tensors cannot hold it (row length).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Importance matrix: %1 (%n matrices, %2 chunks)</source>
        <translation>
            <numerusform>Importance matrix: %1 (%n matrix, %2 chunks)</numerusform>
            <numerusform>Importance matrix: %1 (%n matrices, %2 chunks)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>qx::ui::SensitivityBox</name>
    <message numerus="yes">
        <source>%n tensors measured at %1 on “%2”</source>
        <translation>
            <numerusform>%n tensor measured at %1 on “%2”</numerusform>
            <numerusform>%n tensors measured at %1 on “%2”</numerusform>
        </translation>
    </message>
</context>
</TS>
