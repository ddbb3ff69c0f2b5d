<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ComparePanel</name>
    <message numerus="yes">
        <location filename="../../nnviz/gui/panels/compare_panel.py" line="217"/>
        <source>Means over the %n-sample batch of iteration %1</source>
        <translation>
            <numerusform>Means over the %n-sample batch of iteration %1</numerusform>
            <numerusform>Means over the %n-sample batch of iteration %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/gui/panels/compare_panel.py" line="222"/>
        <source>Means over all %n samples at the current weights (no iteration yet)</source>
        <translation>
            <numerusform>Means over the %n sample at the current weights (no iteration yet)</numerusform>
            <numerusform>Means over all %n samples at the current weights (no iteration yet)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DataDialog</name>
    <message numerus="yes">
        <location filename="../../nnviz/gui/dialogs/data_dialog.py" line="54"/>
        <source>%n samples</source>
        <translation>
            <numerusform>%n sample</numerusform>
            <numerusform>%n samples</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/gui/dialogs/data_dialog.py" line="441"/>
        <source>classification (%n classes)</source>
        <translation>
            <numerusform>classification (%n class)</numerusform>
            <numerusform>classification (%n classes)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/gui/dialogs/data_dialog.py" line="443"/>
        <source>%n inputs</source>
        <translation>
            <numerusform>%n input</numerusform>
            <numerusform>%n inputs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/gui/dialogs/data_dialog.py" line="444"/>
        <source>%n outputs</source>
        <translation>
            <numerusform>%n output</numerusform>
            <numerusform>%n outputs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Figure</name>
    <message numerus="yes">
        <location filename="../../nnviz/gui/panels/surface/figure.py" line="146"/>
        <source>gradient descent, %n steps</source>
        <translation>
            <numerusform>gradient descent, %n step</numerusform>
            <numerusform>gradient descent, %n steps</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportWeightsDialog</name>
    <message numerus="yes">
        <location filename="../../nnviz/gui/dialogs/weights_import.py" line="61"/>
        <source>%n weight layers</source>
        <translation>
            <numerusform>%n weight layer</numerusform>
            <numerusform>%n weight layers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/gui/dialogs/weights_import.py" line="83"/>
        <source>Layer %1 (%n neurons)</source>
        <translation>
            <numerusform>Layer %1 (%n neuron)</numerusform>
            <numerusform>Layer %1 (%n neurons)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/gui/dialogs/weights_import.py" line="96"/>
        <source>%n inputs</source>
        <translation>
            <numerusform>%n input</numerusform>
            <numerusform>%n inputs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/gui/dialogs/weights_import.py" line="97"/>
        <source>%n targets</source>
        <translation>
            <numerusform>%n target</numerusform>
            <numerusform>%n targets</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message numerus="yes">
        <location filename="../../nnviz/gui/panels/inspector.py" line="299"/>
        <source>E = mean over the %n samples = %1</source>
        <translation>
            <numerusform>E = mean over the %n sample = %1</numerusform>
            <numerusform>E = mean over the %n samples = %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/gui/panels/inspector.py" line="528"/>
        <source>%n more lines</source>
        <translation>
            <numerusform>%n more line</numerusform>
            <numerusform>%n more lines</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LessonPanel</name>
    <message numerus="yes">
        <location filename="../../nnviz/gui/panels/lessons/panel.py" line="255"/>
        <source>%1/%n steps</source>
        <translation>
            <numerusform>%1/%n step</numerusform>
            <numerusform>%1/%n steps</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/gui/panels/lessons/panel.py" line="255"/>
        <source>%n steps</source>
        <translation>
            <numerusform>%n step</numerusform>
            <numerusform>%n steps</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../nnviz/gui/main_window.py" line="230"/>
        <source>%n decimal places (nnviz trace)</source>
        <translation>
            <numerusform>%n decimal place (nnviz trace)</numerusform>
            <numerusform>%n decimal places (nnviz trace)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/gui/main_window.py" line="231"/>
        <source>%n decimal places</source>
        <translation>
            <numerusform>%n decimal place</numerusform>
            <numerusform>%n decimal places</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NetworkEditor</name>
    <message numerus="yes">
        <location filename="../../nnviz/gui/dialogs/network_editor.py" line="66"/>
        <source>%n inputs</source>
        <translation>
            <numerusform>%n input</numerusform>
            <numerusform>%n inputs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/gui/dialogs/network_editor.py" line="67"/>
        <source>%n outputs</source>
        <translation>
            <numerusform>%n output</numerusform>
            <numerusform>%n outputs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/gui/dialogs/network_editor.py" line="217"/>
        <source>%n parameters</source>
        <translation>
            <numerusform>%n parameter</numerusform>
            <numerusform>%n parameters</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RaceRun</name>
    <message numerus="yes">
        <location filename="../../nnviz/app/runs.py" line="160"/>
        <source>After %n iterations</source>
        <translation>
            <numerusform>After %n iteration</numerusform>
            <numerusform>After %n iterations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordControl</name>
    <message numerus="yes">
        <location filename="../../nnviz/gui/record_control.py" line="104"/>
        <source>%n of %1 frames</source>
        <translation>
            <numerusform>%n of %1 frames</numerusform>
            <numerusform>%n of %1 frames</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/gui/record_control.py" line="105"/>
        <source>%n frames</source>
        <translation>
            <numerusform>%n frame</numerusform>
            <numerusform>%n frames</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/gui/record_control.py" line="159"/>
        <source>Recorded %n frames (%1 s) to %2</source>
        <translation>
            <numerusform>Recorded %n frame (%1 s) to %2</numerusform>
            <numerusform>Recorded %n frames (%1 s) to %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message numerus="yes">
        <location filename="../../nnviz/app/play.py" line="158"/>
        <source>Stopped: reached %n iterations</source>
        <translation>
            <numerusform>Stopped: reached %n iteration</numerusform>
            <numerusform>Stopped: reached %n iterations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/app/session.py" line="273"/>
        <source>%n parameters frozen: training leaves them unchanged</source>
        <translation>
            <numerusform>%n parameter frozen: training leaves it unchanged</numerusform>
            <numerusform>%n parameters frozen: training leaves them unchanged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/app/session.py" line="274"/>
        <source>%n parameters unfrozen</source>
        <translation>
            <numerusform>%n parameter unfrozen</numerusform>
            <numerusform>%n parameters unfrozen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StepControls</name>
    <message numerus="yes">
        <location filename="../../nnviz/gui/controls/step_controls.py" line="250"/>
        <source>%n epochs done</source>
        <translation>
            <numerusform>%n epoch done</numerusform>
            <numerusform>%n epochs done</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Trainer</name>
    <message numerus="yes">
        <location filename="../../nnviz/core/history.py" line="124"/>
        <source>can step back at most %n micro-steps</source>
        <translation>
            <numerusform>can step back at most %n micro-step</numerusform>
            <numerusform>can step back at most %n micro-steps</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>checks</name>
    <message numerus="yes">
        <location filename="../../nnviz/app/lessons/checks.py" line="238"/>
        <source>Set Play to stop below a loss at %n iterations</source>
        <translation>
            <numerusform>Set Play to stop below a loss at %n iteration</numerusform>
            <numerusform>Set Play to stop below a loss at %n iterations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/app/lessons/checks.py" line="241"/>
        <source>Set Play to stop at %n iterations</source>
        <translation>
            <numerusform>Set Play to stop at %n iteration</numerusform>
            <numerusform>Set Play to stop at %n iterations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/app/lessons/checks.py" line="257"/>
        <source>, and let the fork run %n iterations</source>
        <translation>
            <numerusform>, and let the fork run %n iteration</numerusform>
            <numerusform>, and let the fork run %n iterations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/app/lessons/checks.py" line="268"/>
        <source>Run %n iterations</source>
        <translation>
            <numerusform>Run %n iteration</numerusform>
            <numerusform>Run %n iterations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/app/lessons/checks.py" line="310"/>
        <source>Race the two backprop modes for %n iterations</source>
        <translation>
            <numerusform>Race the two backprop modes for %n iteration</numerusform>
            <numerusform>Race the two backprop modes for %n iterations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>explain</name>
    <message numerus="yes">
        <location filename="../../nnviz/core/analysis/explain.py" line="130"/>
        <source>… (%n more)</source>
        <translation>
            <numerusform>… (%n more)</numerusform>
            <numerusform>… (%n more)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/core/analysis/explain.py" line="260"/>
        <source>E = mean over the %n samples = (%1)/%n = %2</source>
        <translation>
            <numerusform>E = mean over the %n sample = (%1)/%n = %2</numerusform>
            <numerusform>E = mean over the %n samples = (%1)/%n = %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/core/analysis/explain.py" line="454"/>
        <source>== iteration %1 · %2 of %n samples · learning rate %3 · %4 · %5 · %6 ==</source>
        <translation>
            <numerusform>== iteration %1 · %2 of %n sample · learning rate %3 · %4 · %5 · %6 ==</numerusform>
            <numerusform>== iteration %1 · %2 of %n samples · learning rate %3 · %4 · %5 · %6 ==</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/core/analysis/explain.py" line="469"/>
        <source>… and %1 more samples</source>
        <translation>
            <numerusform>… and %1 more sample</numerusform>
            <numerusform>… and %1 more samples</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>graph</name>
    <message numerus="yes">
        <location filename="../../nnviz/core/analysis/graph.py" line="271"/>
        <source>%n more in the batch</source>
        <translation>
            <numerusform>%n more in the batch</numerusform>
            <numerusform>%n more in the batch</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/core/analysis/graph.py" line="274"/>
        <source>One sample&apos;s paths are drawn; the other %n samples of the batch add their share at the parameter, and E is the mean over the %1 samples.</source>
        <translation>
            <numerusform>One sample&apos;s paths are drawn; the other %n sample of the batch adds its share at the parameter, and E is the mean over the %1 samples.</numerusform>
            <numerusform>One sample&apos;s paths are drawn; the other %n samples of the batch add their share at the parameter, and E is the mean over the %1 samples.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/core/analysis/graph.py" line="296"/>
        <source>%n more neurons</source>
        <translation>
            <numerusform>%n more neuron</numerusform>
            <numerusform>%n more neurons</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/core/analysis/graph.py" line="297"/>
        <source>Rest of layer %1: %n neurons drawn as one node with their summed contribution (click it to show more).</source>
        <translation>
            <numerusform>Rest of layer %1: %n neuron drawn as one node with its contribution (click it to show more).</numerusform>
            <numerusform>Rest of layer %1: %n neurons drawn as one node with their summed contribution (click it to show more).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/core/analysis/graph.py" line="382"/>
        <source>mean over %n samples</source>
        <translation>
            <numerusform>mean over %n sample</numerusform>
            <numerusform>mean over %n samples</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lr_slider</name>
    <message numerus="yes">
        <location filename="../../nnviz/gui/controls/lr_slider.py" line="68"/>
        <source>all %n parameters that train</source>
        <translation>
            <numerusform>the %n parameter that trains</numerusform>
            <numerusform>all %n parameters that train</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>regimes</name>
    <message numerus="yes">
        <location filename="../../nnviz/core/analysis/regimes.py" line="175"/>
        <source>%n parameters</source>
        <translation>
            <numerusform>%n parameter</numerusform>
            <numerusform>%n parameters</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>scene</name>
    <message numerus="yes">
        <location filename="../../nnviz/gui/canvas/scene.py" line="360"/>
        <source>%n units</source>
        <translation>
            <numerusform>%n unit</numerusform>
            <numerusform>%n units</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/gui/canvas/scene.py" line="441"/>
        <source>%n iterations done</source>
        <translation>
            <numerusform>%n iteration done</numerusform>
            <numerusform>%n iterations done</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>summary</name>
    <message numerus="yes">
        <location filename="../../nnviz/core/analysis/summary.py" line="46"/>
        <source>kept %n frozen parameters</source>
        <translation>
            <numerusform>kept %n frozen parameter</numerusform>
            <numerusform>kept %n frozen parameters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/core/analysis/summary.py" line="50"/>
        <source>dropped %n frozen parameters the new network does not have</source>
        <translation>
            <numerusform>dropped %n frozen parameter the new network does not have</numerusform>
            <numerusform>dropped %n frozen parameters the new network does not have</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/core/analysis/summary.py" line="51"/>
        <source>dropped %n the new network does not have</source>
        <translation>
            <numerusform>dropped %n the new network does not have</numerusform>
            <numerusform>dropped %n the new network does not have</numerusform>
        </translation>
    </message>
</context>
</TS>
