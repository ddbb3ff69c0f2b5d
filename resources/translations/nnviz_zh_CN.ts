<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AnimationError</name>
    <message>
        <location filename="../../nnviz/io/animation.py" line="54"/>
        <source>cannot record to %1: the file name must end in .gif or .mp4</source>
        <translation>无法录制到 %1：文件名须以 .gif 或 .mp4 结尾</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/animation.py" line="72"/>
        <source>the frame rate must be from %1 to %2 per second, got %3</source>
        <translation>帧率须在每秒 %1 到 %2 帧之间，实际为 %3</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/animation.py" line="94"/>
        <source>a frame must be height x width x 3 (RGB), got shape %1</source>
        <translation>一帧须为 高 x 宽 x 3（RGB），实际形状为 %1</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/animation.py" line="98"/>
        <source>every frame must be %1 x %2, got %3 x %4</source>
        <translation>每一帧都须为 %1 x %2，实际为 %3 x %4</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/animation.py" line="126"/>
        <source>no frames were recorded</source>
        <translation>没有录下任何帧</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/animation.py" line="132"/>
        <source>unknown animation format %1; expected .gif or .mp4</source>
        <translation>未知的动画格式 %1；应为 .gif 或 .mp4</translation>
    </message>
</context>
<context>
    <name>BoundaryPanel</name>
    <message>
        <location filename="../../nnviz/gui/panels/boundary_panel.py" line="114"/>
        <source>The decision boundary needs 2 inputs: this network has %1.</source>
        <translation>决策边界需要 2 个输入：这个网络有 %1 个。</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/boundary_panel.py" line="250"/>
        <source>largest of %1 outputs shaded</source>
        <translation>按 %1 个输出中最大的一个着色</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/boundary_panel.py" line="252"/>
        <source>output &lt; 0.5 blue, ≥ 0.5 orange (deeper away from the 0.5 line)</source>
        <translation>输出 &lt; 0.5 为蓝色，≥ 0.5 为橙色（离 0.5 线越远颜色越深）</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/boundary_panel.py" line="256"/>
        <source>output %1 blue … %2 orange</source>
        <translation>输出 %1 蓝色 … %2 橙色</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/boundary_panel.py" line="258"/>
        <source>it. %1 (timeline)</source>
        <translation>第 %1 次迭代（时间线）</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/boundary_panel.py" line="259"/>
        <source>it. %1</source>
        <translation>第 %1 次迭代</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/boundary_panel.py" line="260"/>
        <source>ringed: batch of %1</source>
        <translation>圈出：%1 个样本的批量</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/boundary_panel.py" line="261"/>
        <source>The network&apos;s output over the input plane; the points are the data, coloured by target; the ringed points are the current batch</source>
        <translation>网络在输入平面上的输出；点是数据，按目标值着色；圈出的点是当前批量</translation>
    </message>
</context>
<context>
    <name>CanvasInteraction</name>
    <message>
        <location filename="../../nnviz/gui/canvas/interaction.py" line="192"/>
        <source>Move the timeline to the right end (live) to edit the network</source>
        <translation>把时间轴移到最右端（实时）才能编辑网络</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/canvas/interaction.py" line="203"/>
        <source>New value of %1 (%2):</source>
        <translation>%1（%2）的新值：</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/canvas/interaction.py" line="204"/>
        <source>New value of %1:</source>
        <translation>%1 的新值：</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/canvas/interaction.py" line="205"/>
        <source>Edit parameter</source>
        <translation>编辑参数</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/canvas/interaction.py" line="231"/>
        <source>Unfreeze %1</source>
        <translation>解冻 %1</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/canvas/interaction.py" line="231"/>
        <source>Freeze %1</source>
        <translation>冻结 %1</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/canvas/interaction.py" line="232"/>
        <source>A frozen parameter keeps its value while training</source>
        <translation>冻结的参数在训练中保持原值</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/canvas/interaction.py" line="234"/>
        <source>Unfreeze all biases</source>
        <translation>解冻所有偏置</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/canvas/interaction.py" line="234"/>
        <source>Freeze all biases</source>
        <translation>冻结所有偏置</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/canvas/interaction.py" line="239"/>
        <source>Edit value…</source>
        <translation>编辑数值…</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/canvas/interaction.py" line="241"/>
        <source>Select</source>
        <translation>选中</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/canvas/interaction.py" line="362"/>
        <source>weight from %1 to %2</source>
        <translation>从 %1 到 %2 的权重</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/canvas/interaction.py" line="365"/>
        <source>bias of %1</source>
        <translation>%1 的偏置</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/canvas/interaction.py" line="366"/>
        <location filename="../../nnviz/gui/canvas/interaction.py" line="405"/>
        <source>not computed yet</source>
        <translation>尚未计算</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/canvas/interaction.py" line="367"/>
        <source>value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/canvas/interaction.py" line="368"/>
        <source>%1 (after iteration %2)</source>
        <translation>%1（第 %2 次迭代之后）</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/canvas/interaction.py" line="369"/>
        <source>pseudo-gradient</source>
        <translation>伪梯度</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/canvas/interaction.py" line="371"/>
        <source>not kept for past iterations</source>
        <translation>过去的迭代不保留</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/canvas/interaction.py" line="377"/>
        <source>%1 (update of this iteration)</source>
        <translation>%1（本次迭代的更新）</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/canvas/interaction.py" line="380"/>
        <source>%1 (update of iteration %2)</source>
        <translation>%1（第 %2 次迭代的更新）</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/canvas/interaction.py" line="383"/>
        <source>none yet</source>
        <translation>尚无</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/canvas/interaction.py" line="384"/>
        <source>last change Δ%1</source>
        <translation>上次变化 Δ%1</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/canvas/interaction.py" line="385"/>
        <source>frozen: training leaves it unchanged</source>
        <translation>已冻结：训练不改变它</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/canvas/interaction.py" line="387"/>
        <source>click to select · double-click to edit · right-click to freeze</source>
        <translation>单击选中 · 双击编辑 · 右键冻结</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/canvas/interaction.py" line="397"/>
        <source>input</source>
        <translation>输入层</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/canvas/interaction.py" line="397"/>
        <source>output</source>
        <translation>输出层</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/canvas/interaction.py" line="397"/>
        <source>hidden layer %1</source>
        <translation>隐藏层 %1</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/canvas/interaction.py" line="401"/>
        <source>%1, unit %2</source>
        <translation>%1，第 %2 个神经元</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/canvas/interaction.py" line="408"/>
        <source>not drawn yet</source>
        <translation>尚未抽取</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/canvas/interaction.py" line="417"/>
        <source>%1 (error share)</source>
        <translation>%1（分得的误差）</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/canvas/interaction.py" line="428"/>
        <source>… %1 more</source>
        <translation>… 另有 %1 个</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/canvas/interaction.py" line="429"/>
        <source>bias node of layer %1</source>
        <translation>第 %1 层的偏置节点</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/canvas/interaction.py" line="430"/>
        <source>a constant input 1, weighted by the biases</source>
        <translation>恒为 1 的输入，以偏置为权重</translation>
    </message>
</context>
<context>
    <name>CanvasPanel</name>
    <message>
        <location filename="../../nnviz/gui/canvas/panel.py" line="23"/>
        <source>The sample whose values the neurons show</source>
        <translation>神经元显示其数值的样本</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/canvas/panel.py" line="26"/>
        <source>Scrub through the iterations already run; the right end is live</source>
        <translation>拖动浏览已运行的迭代；最右端为实时</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/canvas/panel.py" line="31"/>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/canvas/panel.py" line="32"/>
        <source>Back to the current network</source>
        <translation>回到当前网络</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/canvas/panel.py" line="36"/>
        <source>Neurons show</source>
        <translation>神经元显示</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/canvas/panel.py" line="39"/>
        <source>Timeline</source>
        <translation>时间轴</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/canvas/panel.py" line="98"/>
        <source>iteration %1 of %2 · live</source>
        <translation>第 %1 / %2 次迭代 · 实时</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/canvas/panel.py" line="98"/>
        <source>iteration %1 of %2</source>
        <translation>第 %1 / %2 次迭代</translation>
    </message>
</context>
<context>
    <name>ComparePanel</name>
    <message>
        <location filename="../../nnviz/gui/panels/compare_panel.py" line="102"/>
        <source>δ = dE/dnet points uphill; the proportional error e (t − o at the output, shared out by |w| going back) points downhill.
A sample agrees unless its e and −δ have opposite signs; highlighted rows have samples that disagree.</source>
        <translation>δ = dE/dnet 指向上坡；按比例分配的误差 e（输出层为 t − o，往回按 |w| 分配）指向下坡。
除非样本的 e 与 −δ 符号相反，否则该样本一致；高亮的行中有不一致的样本。</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/compare_panel.py" line="114"/>
        <source>Race</source>
        <translation>竞赛</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/compare_panel.py" line="116"/>
        <source>Train two copies from the current state, one with the chain rule and one with the proportional split, and draw both loss curves</source>
        <translation>从当前状态复制两份分别训练，一份用链式法则，一份按比例分配误差，并画出两条损失曲线</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/compare_panel.py" line="122"/>
        <source> iterations</source>
        <translation> 次迭代</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/compare_panel.py" line="123"/>
        <source>How many iterations each copy trains</source>
        <translation>每份副本训练的迭代次数</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/compare_panel.py" line="130"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/compare_panel.py" line="148"/>
        <source>race iteration</source>
        <translation>竞赛迭代</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/compare_panel.py" line="149"/>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/compare_panel.py" line="156"/>
        <source>chain rule</source>
        <translation>链式法则</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/compare_panel.py" line="156"/>
        <source>proportional split</source>
        <translation>按比例分配</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/compare_panel.py" line="198"/>
        <source>Race: two copies from the current state, one per backprop mode.</source>
        <translation>竞赛：从当前状态复制两份，每种反向传播方式各一份。</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/compare_panel.py" line="220"/>
        <source>Means over the one sample at the current weights (no iteration yet)</source>
        <translation>当前权重下唯一一个样本的值（尚无迭代）</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/compare_panel.py" line="224"/>
        <source>The trainer uses the chain rule.</source>
        <translation>当前训练使用链式法则。</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/compare_panel.py" line="225"/>
        <source>The trainer uses the proportional split.</source>
        <translation>当前训练使用按权重比例分配误差。</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/compare_panel.py" line="226"/>
        <source>%1; the last column counts the samples one by one. %2</source>
        <translation>%1；最后一列逐个样本计数。%2</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/compare_panel.py" line="237"/>
        <source>output layer</source>
        <translation>输出层</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/compare_panel.py" line="237"/>
        <source>hidden layer %1</source>
        <translation>隐藏层 %1</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/compare_panel.py" line="294"/>
        <source>For some samples the two modes push this neuron&apos;s net input in opposite directions</source>
        <translation>对某些样本，两种方式把这个神经元的净输入推向相反的方向</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/compare_panel.py" line="314"/>
        <source>The trainer has diverged: reset or step back before a race.</source>
        <translation>训练已发散：竞赛前请重置或后退一步。</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/compare_panel.py" line="318"/>
        <source>Racing from iteration %1 (each copy finishes the half-done iteration, in its own mode from its next backward step)…</source>
        <translation>从第 %1 次迭代开始竞赛（每份副本先完成做了一半的迭代，从下一个反向传播步起用各自的方式）…</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/compare_panel.py" line="321"/>
        <source>Racing from iteration %1…</source>
        <translation>从第 %1 次迭代开始竞赛…</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/compare_panel.py" line="346"/>
        <source>Race stopped: %1</source>
        <translation>竞赛已停止：%1</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/compare_panel.py" line="348"/>
        <source>Cancelled · %1</source>
        <translation>已取消 · %1</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/compare_panel.py" line="52"/>
        <source>neuron</source>
        <translation>神经元</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/compare_panel.py" line="52"/>
        <source>chain δ (mean)</source>
        <translation>链式 δ（平均）</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/compare_panel.py" line="53"/>
        <source>proportional e (mean)</source>
        <translation>按比例 e（平均）</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/compare_panel.py" line="53"/>
        <source>samples agreeing</source>
        <translation>一致的样本</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/compare_panel.py" line="54"/>
        <source>The neuron (output layer first: the error flows back from there)</source>
        <translation>神经元（输出层在前：误差从那里往回流）</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/compare_panel.py" line="55"/>
        <source>Chain rule: δ = dE/dnet, mean over the batch (points uphill)</source>
        <translation>链式法则：δ = dE/dnet，批量上的平均（指向上坡）</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/compare_panel.py" line="56"/>
        <source>Proportional split: e = t − o at the output, shared out by |w| going back; mean over the batch (points downhill)</source>
        <translation>按比例分配：输出层 e = t − o，往回按 |w| 分配；批量上的平均（指向下坡）</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/compare_panel.py" line="58"/>
        <source>The proportional error over −δ: how much bigger (or, negative, opposed) it is</source>
        <translation>按比例分配的误差除以 −δ：它大多少（为负时方向相反）</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/compare_panel.py" line="59"/>
        <source>How many samples&apos; own e and −δ point the same way (≠: some point opposite ways). Counted sample by sample: the means can differ in sign although every sample agrees</source>
        <translation>有多少个样本自己的 e 与 −δ 方向相同（≠：有的方向相反）。逐个样本计数：即使每个样本都一致，平均值的符号也可能不同</translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/gui/panels/compare_panel.py" line="217"/>
        <source>Means over the %n-sample batch of iteration %1</source>
        <translation>
            <numerusform>第 %1 次迭代的批量（%n 个样本）上的平均</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/gui/panels/compare_panel.py" line="222"/>
        <source>Means over all %n samples at the current weights (no iteration yet)</source>
        <translation>
            <numerusform>当前权重下全部 %n 个样本的平均（尚无迭代）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConfusionView</name>
    <message>
        <location filename="../../nnviz/gui/panels/confusion.py" line="49"/>
        <source>The confusion matrix is for classification data (targets 0 or 1); this data set is a regression.</source>
        <translation>混淆矩阵用于分类数据（目标为 0 或 1）；这个数据集是回归问题。</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/confusion.py" line="62"/>
        <source>Rows: the true class; columns: the class the network predicts (largest output, or output ≥ 0.5 for a single output)</source>
        <translation>行：真实类别；列：网络预测的类别（取最大的输出；只有一个输出时取输出 ≥ 0.5）</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/confusion.py" line="110"/>
        <source>after iteration %1</source>
        <translation>第 %1 次迭代之后</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/confusion.py" line="111"/>
        <source>iteration %1</source>
        <translation>第 %1 次迭代</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/confusion.py" line="112"/>
        <source>&lt;b&gt;accuracy %1&lt;/b&gt; · %2 of %3 samples right · whole data set, %4</source>
        <translation>&lt;b&gt;准确率 %1&lt;/b&gt; · %3 个样本中 %2 个正确 · 整个数据集，%4</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/confusion.py" line="118"/>
        <source>pred %1</source>
        <translation>预测 %1</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/confusion.py" line="119"/>
        <source>true %1</source>
        <translation>真实 %1</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/confusion.py" line="143"/>
        <source>true class %1, predicted %2: %3 samples</source>
        <translation>真实类别 %1，预测为 %2：%3 个样本</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/confusion.py" line="145"/>
        <source>%1 (%2 of class %3)</source>
        <translation>%1（占类别 %3 的 %2）</translation>
    </message>
</context>
<context>
    <name>CrossSection</name>
    <message>
        <location filename="../../nnviz/gui/panels/surface/cross_section.py" line="144"/>
        <source>steepest direction: distance from here</source>
        <translation>最陡方向：与当前点的距离</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/cross_section.py" line="146"/>
        <source>loss</source>
        <translation>损失</translation>
    </message>
</context>
<context>
    <name>DataDialog</name>
    <message>
        <location filename="../../nnviz/gui/dialogs/data_dialog.py" line="68"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/data_dialog.py" line="84"/>
        <source>Now: %1 — %2, network %3</source>
        <translation>当前：%1 — %2，网络 %3</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/data_dialog.py" line="84"/>
        <source>current data set</source>
        <translation>当前数据集</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/data_dialog.py" line="93"/>
        <source>classification</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/data_dialog.py" line="93"/>
        <location filename="../../nnviz/gui/dialogs/data_dialog.py" line="442"/>
        <source>regression</source>
        <translation>回归</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/data_dialog.py" line="98"/>
        <source>Import a file…</source>
        <translation>导入文件…</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/data_dialog.py" line="99"/>
        <source>A generated data set, or numbers from a CSV or text file</source>
        <translation>生成的数据集，或来自 CSV 或文本文件的数字</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/data_dialog.py" line="105"/>
        <source>Number of samples to generate</source>
        <translation>要生成的样本数</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/data_dialog.py" line="111"/>
        <source>Standard deviation of the Gaussian noise</source>
        <translation>高斯噪声的标准差</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/data_dialog.py" line="115"/>
        <source>The seed the data set is drawn with</source>
        <translation>生成数据集所用的随机种子</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/data_dialog.py" line="120"/>
        <source>Number of classes (blobs and spiral)</source>
        <translation>类别数（blobs 和 spiral）</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/data_dialog.py" line="124"/>
        <source>Samples</source>
        <translation>样本数</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/data_dialog.py" line="125"/>
        <source>Noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/data_dialog.py" line="126"/>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/data_dialog.py" line="127"/>
        <source>Classes</source>
        <translation>类别数</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/data_dialog.py" line="130"/>
        <source>(no file chosen)</source>
        <translation>（未选择文件）</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/data_dialog.py" line="134"/>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/data_dialog.py" line="136"/>
        <source>A CSV or whitespace-separated text file; header optional, # comments</source>
        <translation>CSV 或以空白分隔的文本文件；表头可有可无，# 开头为注释</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/data_dialog.py" line="141"/>
        <source>How many of the last columns are targets; the rest are inputs</source>
        <translation>最后几列是目标值；其余为输入</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/data_dialog.py" line="142"/>
        <source>Normalize, min-max (inputs to [-1, 1], targets to the output range)</source>
        <translation>最小-最大归一化（输入到 [-1, 1]，目标值到输出范围）</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/data_dialog.py" line="144"/>
        <source>Min-max scaling fitted on the training rows, x&apos; = -1 + 2 (x - min) / (max - min) for each input column, targets to the output activation&apos;s range (left alone for linear outputs); held-out rows are scaled with it and may fall outside the range</source>
        <translation>按训练集各行拟合的最小-最大缩放：每个输入列 x&apos; = -1 + 2 (x - min) / (max - min)，目标值缩放到输出激活函数的取值范围（线性输出不变）；留出的检验行用同样的缩放，可能落在范围之外</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/data_dialog.py" line="150"/>
        <source>comma</source>
        <translation>逗号</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/data_dialog.py" line="150"/>
        <source>semicolon</source>
        <translation>分号</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/data_dialog.py" line="150"/>
        <source>tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/data_dialog.py" line="150"/>
        <source>spaces</source>
        <translation>空格</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/data_dialog.py" line="151"/>
        <location filename="../../nnviz/gui/dialogs/data_dialog.py" line="157"/>
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/data_dialog.py" line="154"/>
        <source>What separates the cells; auto guesses it from the file</source>
        <translation>单元格之间的分隔符；自动：从文件推断</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/data_dialog.py" line="157"/>
        <source>point  1.5</source>
        <translation>小数点  1.5</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/data_dialog.py" line="158"/>
        <source>comma  1,5</source>
        <translation>逗号  1,5</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/data_dialog.py" line="160"/>
        <source>The decimal mark; auto: a point in comma-separated files, a point or a comma in others</source>
        <translation>小数点符号；自动：逗号分隔的文件用小数点，其他文件用小数点或逗号</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/data_dialog.py" line="166"/>
        <source>How the file&apos;s text is written: Excel&apos;s &quot;CSV UTF-8&quot; and most programs write UTF-8 (auto); Excel&apos;s plain CSV is in the system&apos;s code page</source>
        <translation>文件文本的编码：Excel 的“CSV UTF-8”和大多数程序写的是 UTF-8（自动）；Excel 的普通 CSV 用的是系统的代码页</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/data_dialog.py" line="171"/>
        <source>Decimal mark</source>
        <translation>小数点符号</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/data_dialog.py" line="180"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/data_dialog.py" line="181"/>
        <source>Target columns</source>
        <translation>目标列数</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/data_dialog.py" line="182"/>
        <source>Separator</source>
        <translation>分隔符</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/data_dialog.py" line="183"/>
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/data_dialog.py" line="189"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/data_dialog.py" line="200"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/data_dialog.py" line="201"/>
        <source>Share of the samples held out to check the network on (0: none)</source>
        <translation>留出用于检验网络的样本比例（0：不留出）</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/data_dialog.py" line="205"/>
        <source>The seed that picks the held-out samples</source>
        <translation>选取留出样本的随机种子</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/data_dialog.py" line="206"/>
        <source>Train / check split</source>
        <translation>训练集 / 检验集划分</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/data_dialog.py" line="208"/>
        <source>Hold out for checking</source>
        <translation>留出作检验</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/data_dialog.py" line="209"/>
        <source>Split seed</source>
        <translation>划分种子</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/data_dialog.py" line="221"/>
        <source>Use this data</source>
        <translation>使用这些数据</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/data_dialog.py" line="257"/>
        <source>Import data</source>
        <translation>导入数据</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/data_dialog.py" line="352"/>
        <source>Choose a data file</source>
        <translation>请选择数据文件</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/data_dialog.py" line="440"/>
        <source>%1 (%2 train, %3 check)</source>
        <translation>%1（训练 %2，检验 %3）</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/data_dialog.py" line="448"/>
        <source>Read as %1; columns %2 → %3</source>
        <translation>读取方式：%1；列 %2 → %3</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/data_dialog.py" line="450"/>
        <source>Read as %1; no header</source>
        <translation>读取方式：%1；无表头</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/data_dialog.py" line="453"/>
        <source>Normalised (minima and maxima of the training rows):</source>
        <translation>已归一化（训练集各行的最小值和最大值）：</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/data_dialog.py" line="461"/>
        <source>keeps the current network</source>
        <translation>保留当前网络</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/data_dialog.py" line="462"/>
        <source>the current network does not fit: a new one</source>
        <translation>当前网络不匹配：新建网络</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/data_dialog.py" line="463"/>
        <source>Network %1 (%2), loss %3 — %4</source>
        <translation>网络 %1（%2），损失函数 %3 — %4</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/data_dialog.py" line="496"/>
        <source>%1 training samples, %2 held out for checking</source>
        <translation>%1 个训练样本，留出 %2 个作检验</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/data_dialog.py" line="497"/>
        <source>%1 training samples</source>
        <translation>%1 个训练样本</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/data_dialog.py" line="499"/>
        <source>New data: %1 (%2), network %3 (%4), loss %5</source>
        <translation>新数据：%1（%2），网络 %3（%4），损失函数 %5</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/data_dialog.py" line="499"/>
        <source>data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/data_dialog.py" line="49"/>
        <source>Data files (*.csv *.txt *.dat *.tsv);;All files (*)</source>
        <translation>数据文件 (*.csv *.txt *.dat *.tsv);;所有文件 (*)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/gui/dialogs/data_dialog.py" line="54"/>
        <source>%n samples</source>
        <translation>
            <numerusform>%n 个样本</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/gui/dialogs/data_dialog.py" line="441"/>
        <source>classification (%n classes)</source>
        <translation>
            <numerusform>分类（%n 类）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/gui/dialogs/data_dialog.py" line="443"/>
        <source>%n inputs</source>
        <translation>
            <numerusform>%n 个输入</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/gui/dialogs/data_dialog.py" line="444"/>
        <source>%n outputs</source>
        <translation>
            <numerusform>%n 个输出</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DataError</name>
    <message>
        <location filename="../../nnviz/core/data/datasets.py" line="49"/>
        <source>inputs and targets must be tables (n_samples x n_columns)</source>
        <translation>输入和目标须为表格（样本数 x 列数）</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/data/datasets.py" line="51"/>
        <source>%1 input rows but %2 target rows</source>
        <translation>输入有 %1 行，目标却有 %2 行</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/data/datasets.py" line="53"/>
        <source>the data set has no samples</source>
        <translation>数据集中没有样本</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/data/datasets.py" line="55"/>
        <source>the data set holds a number that is not finite</source>
        <translation>数据集中有一个不是有限数的值</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/data/datasets.py" line="62"/>
        <source>%1: expected %2 names (one per column), got %3</source>
        <translation>%1：应有 %2 个名称（每列一个），实际为 %3 个</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/data/datasets.py" line="67"/>
        <source>the check set must be a Dataset</source>
        <translation>检验集须为 Dataset</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/data/datasets.py" line="69"/>
        <source>the check set has %1 input and %2 target columns, the training set %3 and %4</source>
        <translation>检验集有 %1 个输入列和 %2 个目标列，训练集却是 %3 和 %4</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/data/datasets.py" line="110"/>
        <source>the check ratio must be between 0 and 1 (exclusive), got %1</source>
        <translation>检验集比例须在 0 和 1 之间（不含两端），实际为 %1</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/data/datasets.py" line="112"/>
        <source>cannot split %1 sample into a training and a check set</source>
        <translation>无法把 %1 个样本分成训练集和检验集</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/data/datasets.py" line="133"/>
        <source>the seed must be a whole number &gt;= 0, got %1</source>
        <translation>种子须为 &gt;= 0 的整数，实际为 %1</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/data/datasets.py" line="139"/>
        <source>the sample count must be a whole number &gt;= %1, got %2</source>
        <translation>样本数须为 &gt;= %1 的整数，实际为 %2</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/data/datasets.py" line="143"/>
        <location filename="../../nnviz/core/data/datasets.py" line="145"/>
        <source>the noise must be a number &gt;= 0, got %1</source>
        <translation>噪声须为 &gt;= 0 的数，实际为 %1</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/data/datasets.py" line="290"/>
        <source>the class count must be a whole number 2..10, got %1</source>
        <translation>类别数须为 2..10 的整数，实际为 %1</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/data/datasets.py" line="324"/>
        <source>unknown data set %1; expected one of %2</source>
        <translation>未知的数据集 %1；应为以下之一：%2</translation>
    </message>
</context>
<context>
    <name>DataTransform</name>
    <message>
        <location filename="../../nnviz/core/data/transform.py" line="141"/>
        <source>the transform is for %1 input columns, the data has %2</source>
        <translation>该变换适用于 %1 个输入列，数据却有 %2 个</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/data/transform.py" line="144"/>
        <source>the transform is for %1 target columns, the data has %2</source>
        <translation>该变换适用于 %1 个目标列，数据却有 %2 个</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/data/transform.py" line="154"/>
        <source>input %1</source>
        <translation>输入 %1</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/data/transform.py" line="157"/>
        <source>targets: not scaled</source>
        <translation>目标：未缩放</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/data/transform.py" line="161"/>
        <source>target %1</source>
        <translation>目标 %1</translation>
    </message>
</context>
<context>
    <name>EigenPlot</name>
    <message>
        <location filename="../../nnviz/gui/panels/surface/eigen_plot.py" line="36"/>
        <source>steep</source>
        <translation>陡峭方向</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/eigen_plot.py" line="36"/>
        <source>shallow</source>
        <translation>平缓方向</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/eigen_plot.py" line="37"/>
        <source>converges</source>
        <translation>收敛</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/eigen_plot.py" line="37"/>
        <source>zig-zags</source>
        <translation>之字形来回</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/eigen_plot.py" line="38"/>
        <source>oscillates at the edge</source>
        <translation>在临界处震荡</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/eigen_plot.py" line="38"/>
        <source>blows up</source>
        <translation>发散</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/eigen_plot.py" line="48"/>
        <source>%1, %2: curves down, the steps move away (×%3)</source>
        <translation>%1，%2：向下弯曲，步子越走越远（×%3）</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/eigen_plot.py" line="51"/>
        <source>%1 (momentum)</source>
        <translation>%1（动量）</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/eigen_plot.py" line="52"/>
        <source>%1, %2: ×%3 per step — %4</source>
        <translation>%1，%2：每步 ×%3 —— %4</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/eigen_plot.py" line="69"/>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/eigen_plot.py" line="70"/>
        <source>error</source>
        <translation>误差</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/eigen_plot.py" line="77"/>
        <source>The error along each eigen-direction of the curvature over the two axes, multiplied at every step by its factor</source>
        <translation>沿两个轴上曲率的每个特征方向的误差，每一步乘以该方向的因子</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/eigen_plot.py" line="99"/>
        <source>%1 and %2</source>
        <translation>%1 和 %2</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/eigen_plot.py" line="100"/>
        <source>exact, the loss being quadratic in %1</source>
        <translation>精确：损失是 %1 的二次函数</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/eigen_plot.py" line="101"/>
        <source>the curvature at the current point — the loss is not quadratic in %1, so the directions and factors change as the network learns</source>
        <translation>当前点的曲率——损失不是 %1 的二次函数，因此方向和因子会随网络学习而变化</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/eigen_plot.py" line="156"/>
        <source>(the curvature here and now)</source>
        <translation>（此时此处的曲率）</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/eigen_plot.py" line="158"/>
        <source>The error along each eigen-direction of the curvature over the two axes, multiplied at every step by its factor; %1.</source>
        <translation>沿两个轴上曲率的每个特征方向的误差，每一步乘以该方向的因子；%1。</translation>
    </message>
</context>
<context>
    <name>ExportError</name>
    <message>
        <location filename="../../nnviz/io/export/__init__.py" line="31"/>
        <source>unknown format %1; expected one of %2</source>
        <translation>未知的格式 %1；应为以下之一：%2</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/export/plan.py" line="107"/>
        <source>a script runs at least 1 iteration, not %1</source>
        <translation>脚本至少运行 1 次迭代，不能是 %1</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/export/plan.py" line="109"/>
        <source>the run has diverged (%1); step back, reset or change a setting first</source>
        <translation>训练已发散（%1）；请先后退一步、重置或修改设置</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/export/plan.py" line="196"/>
        <source>its batch was drawn for another batch mode than %1</source>
        <translation>它的批量是按另一种批量方式抽取的，不是%1</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/export/plan.py" line="199"/>
        <source>its loss was %1, now %2</source>
        <translation>它的损失函数是 %1，现在是 %2</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/export/plan.py" line="201"/>
        <source>its backward pass used the %1, now the %2</source>
        <translation>它的反向传播用的是%1，现在是%2</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/export/plan.py" line="206"/>
        <source>its updates used learning rate %1, now %2</source>
        <translation>它的更新用的学习率是 %1，现在是 %2</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/export/plan.py" line="209"/>
        <source>its updates used %1, now %2</source>
        <translation>它的更新用的是 %1，现在是 %2</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/export/plan.py" line="211"/>
        <source>its updates froze other parameters than are frozen now</source>
        <translation>它的更新冻结的参数与现在冻结的不同</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/export/plan.py" line="213"/>
        <source>iteration %1 is half done and %2; finish the iteration (or step back to its start) with these settings first</source>
        <translation>第 %1 次迭代只进行了一半，而且%2；请先用这些设置完成本次迭代（或后退到它的开头）</translation>
    </message>
</context>
<context>
    <name>ExportOptionsDialog</name>
    <message>
        <location filename="../../nnviz/gui/dialogs/code_export.py" line="24"/>
        <source>Export as %1 script</source>
        <translation>导出为 %1 脚本</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/code_export.py" line="30"/>
        <source>The script trains this many iterations from the current state</source>
        <translation>脚本从当前状态起训练这么多次迭代</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/code_export.py" line="35"/>
        <source>never (only the summary)</source>
        <translation>从不（只输出总结）</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/code_export.py" line="36"/>
        <source>The script prints the loss every so many iterations</source>
        <translation>脚本每隔这么多次迭代输出一次损失</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/code_export.py" line="41"/>
        <source>Decimal places of the numbers the script prints</source>
        <translation>脚本输出数字的小数位数</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/code_export.py" line="46"/>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/code_export.py" line="49"/>
        <source>Iterations</source>
        <translation>迭代次数</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/code_export.py" line="50"/>
        <source>Print the loss every</source>
        <translation>输出损失的间隔</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/code_export.py" line="51"/>
        <source>Digits</source>
        <translation>小数位数</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/code_export.py" line="57"/>
        <source>Iteration %1 is half done: the script runs it again from its start, with the same batch, and prints the numbers nnviz gets by finishing it.</source>
        <translation>第 %1 次迭代只进行了一半：脚本用同一批量从头重新运行它，输出的数字与 nnviz 完成这次迭代所得的相同。</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/code_export.py" line="60"/>
        <source>The script starts after iteration %1, from the network as it is now.</source>
        <translation>脚本从第 %1 次迭代之后、网络的当前状态开始。</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/code_export.py" line="61"/>
        <source>%1 It ends with the summary that nnviz train prints for the same run.</source>
        <translation>%1最后输出的总结与 nnviz train 对同一次运行输出的相同。</translation>
    </message>
</context>
<context>
    <name>Field</name>
    <message>
        <location filename="../../nnviz/io/json_fields.py" line="36"/>
        <location filename="../../nnviz/io/json_fields.py" line="43"/>
        <source>expected an object</source>
        <translation>应为对象</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/json_fields.py" line="38"/>
        <source>%1: missing</source>
        <translation>%1：缺失</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/json_fields.py" line="57"/>
        <location filename="../../nnviz/io/json_fields.py" line="162"/>
        <source>expected a list, got %1</source>
        <translation>应为列表，实际为%1</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/json_fields.py" line="62"/>
        <source>expected an object, got %1</source>
        <translation>应为对象，实际为%1</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/json_fields.py" line="67"/>
        <source>expected text, got %1</source>
        <translation>应为文本，实际为%1</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/json_fields.py" line="69"/>
        <source>expected one of %1, got %2</source>
        <translation>应为以下之一：%1；实际为 %2</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/json_fields.py" line="76"/>
        <source>expected a name of at most %1 characters, got %2</source>
        <translation>名称最多 %1 个字符，实际为 %2 个</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/json_fields.py" line="78"/>
        <source>expected a name without line breaks or control characters, got %1</source>
        <translation>名称中不能有换行或控制字符，实际为 %1</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/json_fields.py" line="85"/>
        <source>expected one line of at most %1 characters, got %2</source>
        <translation>应为最多 %1 个字符的一行，实际为 %2 个字符</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/json_fields.py" line="87"/>
        <source>expected one line without control characters, got %1</source>
        <translation>应为不含控制字符的一行，实际为 %1</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/json_fields.py" line="94"/>
        <source>expected %1 names (one per column), got %2</source>
        <translation>应有 %1 个名称（每列一个），实际为 %2 个</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/json_fields.py" line="99"/>
        <source>expected true or false, got %1</source>
        <translation>应为 true 或 false，实际为%1</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/json_fields.py" line="105"/>
        <source>expected a whole number, got %1</source>
        <translation>应为整数，实际为%1</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/json_fields.py" line="108"/>
        <source>expected a whole number %1, got %2</source>
        <translation>应为整数 %1，实际为 %2</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/json_fields.py" line="126"/>
        <source>expected a number, got %1</source>
        <translation>应为数，实际为%1</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/json_fields.py" line="130"/>
        <source>expected a finite number, got a number too large for a float</source>
        <translation>应为有限数，实际的数太大，浮点数放不下</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/json_fields.py" line="132"/>
        <source>expected a finite number, got %1</source>
        <translation>应为有限数，实际为 %1</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/json_fields.py" line="134"/>
        <source>expected a positive number, got %1</source>
        <translation>应为正数，实际为 %1</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/json_fields.py" line="140"/>
        <source>expected a list of lists of numbers</source>
        <translation>应为由数的列表组成的列表</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/json_fields.py" line="141"/>
        <source>expected a list of numbers</source>
        <translation>应为数的列表</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/json_fields.py" line="143"/>
        <source>expected shape %1, got %2</source>
        <translation>形状应为 %1，实际为 %2</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/json_fields.py" line="147"/>
        <source>%1%2: expected a finite number, got %3</source>
        <translation>%1%2：应为有限数，实际为 %3</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/json_fields.py" line="158"/>
        <source>%1: expected a number, got %2</source>
        <translation>%1：应为数，实际为 %2</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/json_fields.py" line="160"/>
        <source>%1: expected a finite number, got a number too large for a float</source>
        <translation>%1：应为有限数，实际的数太大，浮点数放不下</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/json_fields.py" line="167"/>
        <source>rows of different lengths</source>
        <translation>各行长度不同</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/json_fields.py" line="201"/>
        <location filename="../../nnviz/io/json_fields.py" line="201"/>
        <source>a number</source>
        <translation>一个数</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/json_fields.py" line="202"/>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/json_fields.py" line="202"/>
        <source>a list</source>
        <translation>列表</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/json_fields.py" line="202"/>
        <source>an object</source>
        <translation>对象</translation>
    </message>
</context>
<context>
    <name>Figure</name>
    <message>
        <location filename="../../nnviz/gui/panels/surface/figure.py" line="146"/>
        <source>gradient descent, 1 step</source>
        <translation>梯度下降，1 步</translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/gui/panels/surface/figure.py" line="146"/>
        <source>gradient descent, %n steps</source>
        <translation>
            <numerusform>梯度下降，%n 步</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/figure.py" line="148"/>
        <source>start</source>
        <translation>起点</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/figure.py" line="149"/>
        <source>now</source>
        <translation>当前</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/figure.py" line="152"/>
        <source>next %1 steps at rate %2: %3</source>
        <translation>学习率 %2 下的后 %1 步：%3</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/figure.py" line="157"/>
        <source>look-ahead at rate %1: %2</source>
        <translation>学习率 %1 下的前瞻：%2</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <location filename="../../nnviz/gui/file_actions.py" line="37"/>
        <source>Image size</source>
        <translation>图像尺寸</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/file_actions.py" line="42"/>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/file_actions.py" line="44"/>
        <source>Width</source>
        <translation>宽度</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/file_actions.py" line="44"/>
        <source>Height</source>
        <translation>高度</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/file_actions.py" line="64"/>
        <source>Open snapshot</source>
        <translation>打开快照</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/file_actions.py" line="64"/>
        <source>nnviz snapshots (*.json);;All files (*)</source>
        <translation>nnviz 快照 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/file_actions.py" line="71"/>
        <source>Cannot open the snapshot</source>
        <translation>无法打开快照</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/file_actions.py" line="81"/>
        <source>Save snapshot</source>
        <translation>保存快照</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/file_actions.py" line="81"/>
        <source>nnviz snapshots (*.json)</source>
        <translation>nnviz 快照 (*.json)</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/file_actions.py" line="92"/>
        <source>Cannot save the snapshot</source>
        <translation>无法保存快照</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/file_actions.py" line="93"/>
        <source>%1
The network is unchanged; choose another place.</source>
        <translation>%1
网络没有改变；请换一个位置保存。</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/file_actions.py" line="103"/>
        <source>Export network image</source>
        <translation>导出网络图像</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/file_actions.py" line="104"/>
        <source>PNG image (*.png);;SVG drawing (*.svg);;Other images (%1)</source>
        <translation>PNG 图像 (*.png);;SVG 矢量图 (*.svg);;其他图像 (%1)</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/file_actions.py" line="113"/>
        <location filename="../../nnviz/gui/file_actions.py" line="121"/>
        <source>Cannot export the image</source>
        <translation>无法导出图像</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/file_actions.py" line="124"/>
        <source>Exported %1 (%2 x %3)</source>
        <translation>已导出 %1（%2 x %3）</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/file_actions.py" line="128"/>
        <source>Export loss surface</source>
        <translation>导出损失曲面</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/file_actions.py" line="128"/>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG 图像 (*.png);;SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/file_actions.py" line="137"/>
        <source>Cannot export the loss surface</source>
        <translation>无法导出损失曲面</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/file_actions.py" line="137"/>
        <source>%1
Nothing was written.</source>
        <translation>%1
没有写入任何文件。</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/file_actions.py" line="140"/>
        <location filename="../../nnviz/gui/file_actions.py" line="183"/>
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/file_actions.py" line="149"/>
        <source>Still writing the last recording: wait for it, or cancel it</source>
        <translation>上一段录制还在写入：请等它完成，或取消它</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/file_actions.py" line="171"/>
        <source>Stop &amp;recording</source>
        <translation>停止录制(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/file_actions.py" line="171"/>
        <source>&amp;Record…</source>
        <translation>录制(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/file_actions.py" line="174"/>
        <source>Export loss history</source>
        <translation>导出损失历史</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/file_actions.py" line="174"/>
        <source>CSV table (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/file_actions.py" line="180"/>
        <source>Cannot export the loss history</source>
        <translation>无法导出损失历史</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/file_actions.py" line="203"/>
        <location filename="../../nnviz/gui/file_actions.py" line="212"/>
        <source>Cannot export as code</source>
        <translation>无法导出为代码</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/file_actions.py" line="205"/>
        <source>Export as %1 script</source>
        <translation>导出为 %1 脚本</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/file_actions.py" line="205"/>
        <source>Python script (*.py)</source>
        <translation>Python 脚本 (*.py)</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/file_actions.py" line="218"/>
        <source>Export weights</source>
        <translation>导出权重</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/file_actions.py" line="218"/>
        <source>NumPy arrays (*.npz)</source>
        <translation>NumPy 数组 (*.npz)</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/file_actions.py" line="226"/>
        <source>Cannot export the weights</source>
        <translation>无法导出权重</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/file_actions.py" line="229"/>
        <source>Exported %1: W1, b1, ... and the activations (File ▸ Import weights… opens it)</source>
        <translation>已导出 %1：W1、b1……以及激活函数（文件 ▸ 导入权重… 可以打开它）</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/file_actions.py" line="235"/>
        <source>Import weights</source>
        <translation>导入权重</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/file_actions.py" line="235"/>
        <source>Weights (*.npz *.pt *.pth);;All files (*)</source>
        <translation>权重 (*.npz *.pt *.pth);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/file_actions.py" line="241"/>
        <source>Cannot import the weights</source>
        <translation>无法导入权重</translation>
    </message>
</context>
<context>
    <name>FileError</name>
    <message>
        <location filename="../../nnviz/io/files.py" line="87"/>
        <source>cannot write to an empty file name</source>
        <translation>无法写入：文件名为空</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/files.py" line="89"/>
        <source>cannot write %1: the name ends with a slash (a folder), not a file name</source>
        <translation>无法写入 %1：名称以斜杠结尾（是文件夹），不是文件名</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/files.py" line="100"/>
        <source>cannot write %1: the folder %2 does not exist</source>
        <translation>无法写入 %1：文件夹 %2 不存在</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/files.py" line="105"/>
        <source>a loop of symbolic links</source>
        <translation>符号链接形成了循环</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/files.py" line="106"/>
        <location filename="../../nnviz/io/files.py" line="224"/>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/files.py" line="108"/>
        <source>cannot write %1: it is a folder</source>
        <translation>无法写入 %1：它是文件夹</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/files.py" line="110"/>
        <source>cannot write %1: not a regular file (%2)</source>
        <translation>无法写入 %1：不是普通文件（%2）</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/files.py" line="112"/>
        <source>cannot write %1: the file is read-only</source>
        <translation>无法写入 %1：文件是只读的</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/files.py" line="118"/>
        <source>a FIFO</source>
        <translation>FIFO 管道</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/files.py" line="120"/>
        <source>a socket</source>
        <translation>套接字</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/files.py" line="122"/>
        <source>a device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/files.py" line="123"/>
        <source>a special file</source>
        <translation>特殊文件</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/files.py" line="131"/>
        <source>cannot write %1: cannot create a file in the folder %2 (%3)</source>
        <translation>无法写入 %1：无法在文件夹 %2 中创建文件（%3）</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/files.py" line="199"/>
        <source>cannot write %1: interrupted</source>
        <translation>无法写入 %1：被中断</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/files.py" line="251"/>
        <location filename="../../nnviz/io/files.py" line="292"/>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/files.py" line="257"/>
        <source>an empty file name (expected a %1)</source>
        <translation>文件名为空（应为%1）</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/files.py" line="262"/>
        <location filename="../../nnviz/io/files.py" line="276"/>
        <source>%1: not a regular file (%2), expected a %3</source>
        <translation>%1：不是普通文件（%2），应为%3</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/files.py" line="266"/>
        <source>%1: no such file</source>
        <translation>%1：没有这个文件</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/files.py" line="268"/>
        <location filename="../../nnviz/io/files.py" line="274"/>
        <source>%1: is a folder, not a %2</source>
        <translation>%1：是文件夹，不是%2</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/files.py" line="279"/>
        <source>%1: %2 is over the limit of %3 for a %4</source>
        <translation>%1：%2 超过了%4的上限 %3</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/files.py" line="288"/>
        <source>%1: over the limit of %2 for a %3</source>
        <translation>%1：超过了%3的上限 %2</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/files.py" line="300"/>
        <source>%1: line %2: not a text file (expected UTF-8 text)</source>
        <translation>%1：第 %2 行：不是文本文件（应为 UTF-8 文本）</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/snapshot.py" line="181"/>
        <source>snapshot file</source>
        <translation>快照文件</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/tables.py" line="164"/>
        <source>data file</source>
        <translation>数据文件</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/weights.py" line="77"/>
        <source>weights file</source>
        <translation>权重文件</translation>
    </message>
</context>
<context>
    <name>Fork</name>
    <message>
        <location filename="../../nnviz/app/runs.py" line="112"/>
        <source>rate %1</source>
        <translation>学习率 %1</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/runs.py" line="114"/>
        <source>full batch</source>
        <translation>全批量</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/runs.py" line="114"/>
        <source>online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/runs.py" line="115"/>
        <source>mini-batch %1</source>
        <translation>小批量 %1</translation>
    </message>
</context>
<context>
    <name>ForkDialog</name>
    <message>
        <location filename="../../nnviz/gui/panels/surface/dialogs.py" line="72"/>
        <source>Fork the run</source>
        <translation>分叉训练</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/dialogs.py" line="74"/>
        <source>Train a copy of the current state alongside the main run,
with another learning rate, optimizer, batch mode or loss.</source>
        <translation>在主训练旁训练当前状态的一个副本，
使用另一个学习率、优化器、批量方式或损失函数。</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/dialogs.py" line="86"/>
        <location filename="../../nnviz/gui/panels/surface/dialogs.py" line="100"/>
        <source>as the main run</source>
        <translation>与主训练相同</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/dialogs.py" line="86"/>
        <source>full batch</source>
        <translation>全批量</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/dialogs.py" line="87"/>
        <source>online (one sample)</source>
        <translation>在线（每次一个样本）</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/dialogs.py" line="87"/>
        <source>mini-batch</source>
        <translation>小批量</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/dialogs.py" line="103"/>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/dialogs.py" line="104"/>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/dialogs.py" line="105"/>
        <source>Batch</source>
        <translation>批量</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/dialogs.py" line="106"/>
        <source>Loss</source>
        <translation>损失函数</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/dialogs.py" line="116"/>
        <source>The learning rate must be a positive number, got %1</source>
        <translation>学习率必须是正数，得到的是 %1</translation>
    </message>
</context>
<context>
    <name>ForkView</name>
    <message>
        <location filename="../../nnviz/gui/panels/surface/fork.py" line="50"/>
        <source>Remove this fork</source>
        <translation>移除这个分叉</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/fork.py" line="117"/>
        <source>Main run (%1): loss %2</source>
        <translation>主训练（%1）：损失 %2</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/fork.py" line="127"/>
        <source>diverged at iteration %1</source>
        <translation>在第 %1 次迭代发散</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/fork.py" line="128"/>
        <source>iteration %1, loss %2</source>
        <translation>第 %1 次迭代，损失 %2</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/fork.py" line="129"/>
        <source>%1, from iteration %2: %3</source>
        <translation>%1，从第 %2 次迭代起：%3</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/fork.py" line="135"/>
        <source>main: %1</source>
        <translation>主训练：%1</translation>
    </message>
</context>
<context>
    <name>GraphPanel</name>
    <message>
        <location filename="../../nnviz/gui/panels/graph/panel.py" line="254"/>
        <source>◀ Previous node</source>
        <translation>◀ 上一个节点</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/graph/panel.py" line="255"/>
        <source>Next node ▶</source>
        <translation>下一个节点 ▶</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/graph/panel.py" line="256"/>
        <source>Walk the backward pass back by one node</source>
        <translation>在反向传播中后退一个节点</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/graph/panel.py" line="257"/>
        <source>Walk the backward pass one node further: the local × upstream products formed at that node, added up</source>
        <translation>在反向传播中前进一个节点：在该节点形成局部梯度 × 上游梯度的乘积，并相加</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/graph/panel.py" line="259"/>
        <source>Follow</source>
        <translation>跟随</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/graph/panel.py" line="262"/>
        <source>Keep the numbers readable and the part the last step filled in in view</source>
        <translation>保持数字清晰可读，并让上一步填入的部分留在视野中</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/graph/panel.py" line="263"/>
        <source>Fit</source>
        <translation>全图</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/graph/panel.py" line="264"/>
        <source>The whole graph in view (wheel: zoom, drag: pan)</source>
        <translation>显示整个计算图（滚轮：缩放，拖动：平移）</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/graph/panel.py" line="356"/>
        <source>selected</source>
        <translation>已选中</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/graph/panel.py" line="356"/>
        <source>the last weight the micro-step touched; click an edge on the canvas to choose</source>
        <translation>上一个微步更新的权重；在画布上点击一条边来选择</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/graph/panel.py" line="358"/>
        <source>%1 (%2) · %3</source>
        <translation>%1（%2）· %3</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/graph/panel.py" line="360"/>
        <source>the timeline shows iteration %1; the graph follows the live iteration</source>
        <translation>时间线显示第 %1 次迭代；计算图跟随当前正在进行的迭代</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/graph/panel.py" line="372"/>
        <source>Node %1 of %2: %3</source>
        <translation>第 %1 个节点（共 %2 个）：%3</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/graph/panel.py" line="375"/>
        <source>Next node walks the backward pass one node at a time, from E back to %1: each step multiplies local × upstream on the node&apos;s edges.</source>
        <translation>“下一个节点”沿反向传播一次走一个节点，从 E 回到 %1：每一步在该节点的边上计算局部梯度 × 上游梯度。</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/graph/panel.py" line="378"/>
        <source>Forward values fill in as the forward pass reaches their layer; step into the backward pass to see the gradients flow back.</source>
        <translation>前向传播到达某一层时，该层的值随之填入；进入反向传播即可看到梯度向回流动。</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/graph/panel.py" line="381"/>
        <source>Proportional split: step into the backward pass to see the output error shared back along the weights (not a gradient).</source>
        <translation>按权重比例分配误差：进入反向传播即可看到输出误差沿权重向回分配（这不是梯度）。</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/graph/panel.py" line="423"/>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 图形 (*.svg)</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/graph/panel.py" line="423"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/graph/panel.py" line="425"/>
        <source>Export the computational graph</source>
        <translation>导出计算图</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/graph/panel.py" line="437"/>
        <source>Cannot export the graph</source>
        <translation>无法导出计算图</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/graph/panel.py" line="438"/>
        <source>%1
Nothing was written; choose another place.</source>
        <translation>%1
没有写入任何文件；请选择其他位置。</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/graph/panel.py" line="440"/>
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
</context>
<context>
    <name>GraphView</name>
    <message>
        <location filename="../../nnviz/gui/panels/graph/panel.py" line="223"/>
        <source>Export as SVG…</source>
        <translation>导出为 SVG…</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/graph/panel.py" line="224"/>
        <source>Export as PNG…</source>
        <translation>导出为 PNG…</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/graph/panel.py" line="227"/>
        <source>Fit</source>
        <translation>显示全图</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/graph/panel.py" line="228"/>
        <source>Follow the step</source>
        <translation>跟随当前步</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/graph/panel.py" line="230"/>
        <source>Collapse layer %1</source>
        <translation>收起第 %1 层</translation>
    </message>
</context>
<context>
    <name>Guide</name>
    <message>
        <location filename="../../nnviz/gui/panels/lessons/guide.py" line="59"/>
        <source>&amp;Lessons</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/lessons/guide.py" line="80"/>
        <source>Cannot be used: %1</source>
        <translation>无法使用：%1</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/lessons/guide.py" line="82"/>
        <source>Show the lessons panel</source>
        <translation>显示课程面板</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/lessons/guide.py" line="83"/>
        <source>Close the lesson</source>
        <translation>关闭本课</translation>
    </message>
</context>
<context>
    <name>HeatMap</name>
    <message>
        <location filename="../../nnviz/gui/panels/surface/heatmap.py" line="103"/>
        <source>log₁₀ loss</source>
        <translation>log₁₀ 损失</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/heatmap.py" line="103"/>
        <source>loss</source>
        <translation>损失</translation>
    </message>
</context>
<context>
    <name>ImportWeightsDialog</name>
    <message>
        <location filename="../../nnviz/gui/dialogs/weights_import.py" line="51"/>
        <source>Import weights</source>
        <translation>导入权重</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/weights_import.py" line="62"/>
        <source>%1: a %2 network (%3).</source>
        <translation>%1：%2 网络（%3）。</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/weights_import.py" line="67"/>
        <source>Activations</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/weights_import.py" line="71"/>
        <source>The file does not say them: choose one per layer.</source>
        <translation>文件中没有写明：请为每层选择一个。</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/weights_import.py" line="73"/>
        <source>As the file says (change them if they are wrong).</source>
        <translation>按文件所写（如有错误请修改）。</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/weights_import.py" line="86"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/weights_import.py" line="91"/>
        <source>the current data (%1, %2)</source>
        <translation>当前数据（%1，%2）</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/weights_import.py" line="91"/>
        <source>unnamed</source>
        <translation>未命名</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/weights_import.py" line="94"/>
        <source>The current data has %1 and %2; this network takes %3 and %4. Choose data that fits:</source>
        <translation>当前数据有 %1 和 %2；这个网络需要 %3 个输入和 %4 个目标值。请选择匹配的数据：</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/weights_import.py" line="103"/>
        <source>no built-in data set fits: choose a table file</source>
        <translation>没有匹配的内置数据集：请选择表格文件</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/weights_import.py" line="106"/>
        <source>Table file…</source>
        <translation>表格文件…</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/weights_import.py" line="108"/>
        <source>A CSV or text table: %1 input columns, then %2 target columns</source>
        <translation>CSV 或文本表格：先 %1 个输入列，再 %2 个目标列</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/weights_import.py" line="119"/>
        <source>Open this network</source>
        <translation>打开这个网络</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/weights_import.py" line="150"/>
        <source>Data for the imported network</source>
        <translation>导入网络所用的数据</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/weights_import.py" line="150"/>
        <source>Tables (*.csv *.txt *.dat);;All files (*)</source>
        <translation>表格 (*.csv *.txt *.dat);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/weights_import.py" line="174"/>
        <source>Choose data for the network first</source>
        <translation>请先为网络选择数据</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/weights_import.py" line="183"/>
        <source>Imported %1: %2 network (%3) on %4, loss %5</source>
        <translation>已导入 %1：%2 网络（%3），数据 %4，损失函数 %5</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/weights_import.py" line="185"/>
        <source>the data</source>
        <translation>数据</translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/gui/dialogs/weights_import.py" line="61"/>
        <source>%n weight layers</source>
        <translation>
            <numerusform>%n 个权重层</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/gui/dialogs/weights_import.py" line="83"/>
        <source>Layer %1 (%n neurons)</source>
        <translation>
            <numerusform>第 %1 层（%n 个神经元）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/gui/dialogs/weights_import.py" line="96"/>
        <source>%n inputs</source>
        <translation>
            <numerusform>%n 个输入</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/gui/dialogs/weights_import.py" line="97"/>
        <source>%n targets</source>
        <translation>
            <numerusform>%n 个目标值</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <location filename="../../nnviz/gui/panels/inspector.py" line="92"/>
        <source>Check gradient</source>
        <translation>梯度检验</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/inspector.py" line="194"/>
        <source>Select a connection or a bias to check its gradient</source>
        <translation>选中一条连接或一个偏置，检验它的梯度</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/inspector.py" line="196"/>
        <source>The gradient of %1 is computed by %2</source>
        <translation>%1 的梯度在 %2 中计算</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/inspector.py" line="199"/>
        <source>Estimate the gradient numerically, (E(w + h) − E(w − h)) / 2h, and compare it with the value backpropagation computed</source>
        <translation>用数值方法估计梯度，(E(w + h) − E(w − h)) / 2h，并与反向传播算出的值比较</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/inspector.py" line="257"/>
        <source>iteration %1 · %2 of %3 micro-steps done · next: %4</source>
        <translation>第 %1 次迭代 · 已完成 %2/%3 个微步 · 下一步：%4</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/inspector.py" line="260"/>
        <source>iteration %1 complete · next: %2 starts iteration %3</source>
        <translation>第 %1 次迭代完成 · 下一步：%2 开始第 %3 次迭代</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/inspector.py" line="263"/>
        <source>before the first iteration · next: %1</source>
        <translation>第一次迭代之前 · 下一步：%1</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/inspector.py" line="268"/>
        <source>sample %1 of %2 (data row %3)</source>
        <translation>第 %1 个样本，共 %2 个（数据第 %3 行）</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/inspector.py" line="306"/>
        <source>the lines of units %1..%2 (from %3 on)</source>
        <translation>第 %1..%2 个单元的各行（从 %3 起）</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/inspector.py" line="315"/>
        <source>%1 and %2</source>
        <translation>%1，以及%2</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/inspector.py" line="343"/>
        <source>Nothing computed yet</source>
        <translation>尚未计算</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/inspector.py" line="344"/>
        <source>Next runs %1. Step through the iteration, or click a neuron or a connection to follow its numbers.</source>
        <translation>下一步执行 %1。逐步走完这次迭代，或点击一个神经元或一条连接，跟踪它的数值。</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/inspector.py" line="347"/>
        <source>Last micro-step: %1</source>
        <translation>上一个微步：%1</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/inspector.py" line="359"/>
        <source>weight from %1 to %2</source>
        <translation>从 %1 到 %2 的权重</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/inspector.py" line="362"/>
        <source>bias of %1</source>
        <translation>%1 的偏置</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/inspector.py" line="363"/>
        <source>now %1</source>
        <translation>当前值 %1</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/inspector.py" line="365"/>
        <source>%1 (frozen)</source>
        <translation>%1（已冻结）</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/inspector.py" line="368"/>
        <source>gradient</source>
        <translation>梯度</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/inspector.py" line="368"/>
        <source>update direction (split error)</source>
        <translation>更新方向（分配的误差）</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/inspector.py" line="369"/>
        <source>forward pass of %1</source>
        <translation>%1 的前向传播</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/inspector.py" line="370"/>
        <source>update</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/inspector.py" line="386"/>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/inspector.py" line="386"/>
        <source>output neuron</source>
        <translation>输出神经元</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/inspector.py" line="386"/>
        <source>hidden neuron</source>
        <translation>隐藏神经元</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/inspector.py" line="387"/>
        <source>%1 · %2 (layer %3 of %4, unit %5 of %6)</source>
        <translation>%1 · %2（第 %3 层，共 %4 层；第 %5 个单元，共 %6 个）</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/inspector.py" line="393"/>
        <source>Its value is read from the data when %1 draws the batch.</source>
        <translation>它的值在 %1 取出批量时从数据中读入。</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/inspector.py" line="397"/>
        <source>%1 (an input: read from the data, no formula)</source>
        <translation>%1（输入：从数据中读入，没有公式）</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/inspector.py" line="400"/>
        <source>forward pass</source>
        <translation>前向传播</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/inspector.py" line="402"/>
        <source>loss term</source>
        <translation>损失项</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/inspector.py" line="403"/>
        <source>delta and the gradients of its weights</source>
        <translation>δ 及其权重的梯度</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/inspector.py" line="404"/>
        <source>split error and the update directions of its weights</source>
        <translation>分得的误差及其权重的更新方向</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/inspector.py" line="416"/>
        <source>%1: after %2</source>
        <translation>%1：%2之后</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/inspector.py" line="425"/>
        <source>Under the mouse; the selection comes back when it moves away.</source>
        <translation>鼠标下的对象；鼠标移开后回到选中的对象。</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/inspector.py" line="428"/>
        <source>The timeline shows iteration %1; the numbers here are from the live network.</source>
        <translation>时间线显示第 %1 次迭代；这里的数值来自当前的网络。</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/inspector.py" line="488"/>
        <source>just computed</source>
        <translation>刚刚算出</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/inspector.py" line="496"/>
        <source>… left out: %1. Click a neuron or a connection to see its own lines.</source>
        <translation>… 省略了：%1。点击一个神经元或一条连接，查看它自己的各行。</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/inspector.py" line="501"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/inspector.py" line="502"/>
        <source>Still to come</source>
        <translation>尚待计算</translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/gui/panels/inspector.py" line="299"/>
        <source>E = mean over the %n samples = %1</source>
        <translation>
            <numerusform>E = %n 个样本的平均 = %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/gui/panels/inspector.py" line="528"/>
        <source>%n more lines</source>
        <translation>
            <numerusform>另有 %n 行</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <location filename="../../nnviz/gui/language_menu.py" line="15"/>
        <source>nnviz will speak %1 from the next time it starts.</source>
        <translation>下次启动 nnviz 时，界面语言将改为：%1。</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/language_menu.py" line="22"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/language_menu.py" line="28"/>
        <source>System language (%1)</source>
        <translation>系统语言（%1）</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/language_menu.py" line="49"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
</context>
<context>
    <name>Layout</name>
    <message>
        <location filename="../../nnviz/io/delimited.py" line="33"/>
        <source>comma-separated</source>
        <translation>逗号分隔</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/delimited.py" line="33"/>
        <source>semicolon-separated</source>
        <translation>分号分隔</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/delimited.py" line="34"/>
        <source>tab-separated</source>
        <translation>制表符分隔</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/delimited.py" line="34"/>
        <source>spaces-separated</source>
        <translation>空格分隔</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/delimited.py" line="35"/>
        <source>decimal point</source>
        <translation>小数点</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/delimited.py" line="35"/>
        <source>decimal comma</source>
        <translation>小数逗号</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/delimited.py" line="36"/>
        <source>decimal point or comma</source>
        <translation>小数点或小数逗号</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/delimited.py" line="66"/>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
</context>
<context>
    <name>LearningRateControl</name>
    <message>
        <location filename="../../nnviz/gui/controls/lr_slider.py" line="265"/>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/controls/lr_slider.py" line="272"/>
        <source>Learning rate on a logarithmic scale; the new rate applies from the next update</source>
        <translation>对数刻度上的学习率；新的学习率从下一次更新开始生效</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/controls/lr_slider.py" line="278"/>
        <source>Type a learning rate between %1 and %2, then Enter</source>
        <translation>输入 %1 到 %2 之间的学习率，然后按回车</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/controls/lr_slider.py" line="340"/>
        <source>Learning rate: expected a number from %1 to %2, got %3</source>
        <translation>学习率：应为 %1 到 %2 之间的数，实际为 %3</translation>
    </message>
</context>
<context>
    <name>LessonError</name>
    <message>
        <location filename="../../nnviz/app/lessons/checks.py" line="333"/>
        <source>kind: unknown check %1; expected one of %2</source>
        <translation>kind：未知的检查 %1；应为以下之一：%2</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/checks.py" line="340"/>
        <source>%1: %2 takes %3</source>
        <translation>%1：%2 只接受 %3</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/checks.py" line="344"/>
        <source>%1: a %2 check needs it</source>
        <translation>%1：%2 检查需要它</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/checks.py" line="346"/>
        <source>%1: a %2 check needs one of %3</source>
        <translation>%1：%2 检查需要以下之一：%3</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/checks.py" line="359"/>
        <source>%1: expected a number, got %2</source>
        <translation>%1：应为数，实际为 %2</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/checks.py" line="363"/>
        <source>%1: expected a whole number &gt;= %2, got %3</source>
        <translation>%1：应为 &gt;= %2 的整数，实际为 %3</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/checks.py" line="368"/>
        <source>%1: expected true or false, got %2</source>
        <translation>%1：应为 true 或 false，实际为 %2</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/checks.py" line="372"/>
        <source>%1: expected text, a number or true/false, got %2</source>
        <translation>%1：应为文本、数或 true/false，实际为 %2</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/checks.py" line="375"/>
        <source>%1: expected text, got %2</source>
        <translation>%1：应为文本，实际为 %2</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/checks.py" line="377"/>
        <source>%1: expected one of %2, got %3</source>
        <translation>%1：应为以下之一：%2；实际为 %3</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/checks.py" line="392"/>
        <source>value: %1</source>
        <translation>value：%1</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/checks.py" line="394"/>
        <source>value: shuffle is true or false, got %1</source>
        <translation>value：shuffle 应为 true 或 false，实际为 %1</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/format.py" line="129"/>
        <source>%1: file name: expected NN-name.toml (two digits, a dash, a name of lower-case letters, digits and dashes)</source>
        <translation>%1：文件名：应为 NN-name.toml（两位数字、一个短横线，再加由小写字母、数字和短横线组成的名称）</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/format.py" line="137"/>
        <source>%1, line %2: not valid TOML: %3</source>
        <translation>%1，第 %2 行：不是有效的 TOML：%3</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/format.py" line="139"/>
        <source>%1: not valid TOML: %2</source>
        <translation>%1：不是有效的 TOML：%2</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/format.py" line="152"/>
        <source>%1: cannot be read: %2</source>
        <translation>%1：无法读取：%2</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/format.py" line="225"/>
        <source>missing: expected text</source>
        <translation>缺失：应为文本</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/format.py" line="228"/>
        <location filename="../../nnviz/app/lessons/format.py" line="341"/>
        <source>expected text, got %1</source>
        <translation>应为文本，实际为%1</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/format.py" line="235"/>
        <source>unknown field; expected one of %1, or a language such as zh_CN.title</source>
        <translation>未知字段；应为以下之一：%1，或 zh_CN.title 这样的语言字段</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/format.py" line="237"/>
        <source>unknown field; expected one of %1</source>
        <translation>未知字段；应为以下之一：%1</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/format.py" line="248"/>
        <source>the English texts are the plain fields (title, text …)</source>
        <translation>英文文本写在不带语言的字段里（title、text …）</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/format.py" line="288"/>
        <source>expected at least one [[steps]] table</source>
        <translation>至少应有一个 [[steps]] 表</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/format.py" line="290"/>
        <source>at most %1 steps, got %2</source>
        <translation>最多 %1 步，实际为 %2 步</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/format.py" line="294"/>
        <source>expected a table</source>
        <translation>应为表</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/format.py" line="313"/>
        <source>expected a table { kind = ... } or a list of them</source>
        <translation>应为表 { kind = ... } 或由它们组成的列表</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/format.py" line="318"/>
        <source>expected a table { kind = ... }</source>
        <translation>应为表 { kind = ... }</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/format.py" line="322"/>
        <source>missing: expected one of %1</source>
        <translation>缺失：应为以下之一：%1</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/format.py" line="334"/>
        <source>expected a table { preset = ..., rate = ..., ... }</source>
        <translation>应为表 { preset = ..., rate = ..., ... }</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/format.py" line="344"/>
        <location filename="../../nnviz/app/lessons/format.py" line="390"/>
        <source>expected one of %1, got %2</source>
        <translation>应为以下之一：%1；实际为 %2</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/format.py" line="349"/>
        <source>a seed goes with a preset</source>
        <translation>seed 须与 preset 一起给出</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/format.py" line="351"/>
        <source>expected a whole number &gt;= 0, got %1</source>
        <translation>应为 &gt;= 0 的整数，实际为 %1</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/format.py" line="358"/>
        <location filename="../../nnviz/app/lessons/format.py" line="400"/>
        <source>expected true or false, got %1</source>
        <translation>应为 true 或 false，实际为%1</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/format.py" line="370"/>
        <source>expected a positive number, got %1</source>
        <translation>应为正数，实际为 %1</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/format.py" line="376"/>
        <source>expected a table such as { batch = &quot;online&quot;, loss = &quot;mse&quot; }</source>
        <translation>应为 { batch = &quot;online&quot;, loss = &quot;mse&quot; } 这样的表</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/format.py" line="397"/>
        <source>expected a table such as { momentum = 0.9 }, got %1</source>
        <translation>应为 { momentum = 0.9 } 这样的表，实际为 %1</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/format.py" line="403"/>
        <source>expected a table such as { kind = &quot;step&quot;, step_size = 50 }, got %1</source>
        <translation>应为 { kind = &quot;step&quot;, step_size = 50 } 这样的表，实际为 %1</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/format.py" line="410"/>
        <source>expected a table { until_loss = 0.001, max_iterations = 1000 }</source>
        <translation>应为表 { until_loss = 0.001, max_iterations = 1000 }</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/format.py" line="418"/>
        <source>expected a whole number &gt;= 1, got %1</source>
        <translation>应为 &gt;= 1 的整数，实际为 %1</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/quantities.py" line="84"/>
        <source>no neuron %1</source>
        <translation>没有神经元 %1</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/quantities.py" line="232"/>
        <source>expected a weight layer 1, 2, ..., got %1</source>
        <translation>应为权重层 1, 2, ...，实际为 %1</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/quantities.py" line="241"/>
        <source>expected an optimizer (%1), a batch mode (full, online or a size) or a loss (%2), got %3</source>
        <translation>应为优化器（%1）、批量方式（full、online 或一个大小）或损失函数（%2），实际为 %3</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/quantities.py" line="295"/>
        <source>unknown quantity %1; expected one of %2</source>
        <translation>未知的量 %1；应为以下之一：%2</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/quantities.py" line="298"/>
        <source>%1 takes no argument, got %2:%3</source>
        <translation>%1 不接受参数，实际为 %2:%3</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/quantities.py" line="300"/>
        <source>%1 needs %2: %3:...</source>
        <translation>%1 需要%2：%3:...</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/quantities.py" line="325"/>
        <source>a brace that is not a quantity such as {loss} or {grad:w5}: %1</source>
        <translation>花括号里不是 {loss} 或 {grad:w5} 这样的量：%1</translation>
    </message>
</context>
<context>
    <name>LessonPanel</name>
    <message>
        <location filename="../../nnviz/gui/panels/lessons/panel.py" line="62"/>
        <source>Open lesson</source>
        <translation>打开课程</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/lessons/panel.py" line="65"/>
        <source>Lessons from the tutorials nnviz grew from, in order. Each step says what to do and what to watch; it is ticked when you have done it.</source>
        <translation>按顺序排列的课程，来自 nnviz 所依据的教程。每一步都说明要做什么、要观察什么；做到之后会打上勾。</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/lessons/panel.py" line="83"/>
        <source>All lessons</source>
        <translation>全部课程</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/lessons/panel.py" line="85"/>
        <source>Back to the list (this lesson&apos;s progress is kept)</source>
        <translation>回到课程列表（保留本课的进度）</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/lessons/panel.py" line="101"/>
        <source>◀ Back</source>
        <translation>◀ 上一步</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/lessons/panel.py" line="103"/>
        <source>Restart</source>
        <translation>重新开始</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/lessons/panel.py" line="105"/>
        <source>This lesson from its first step, nothing ticked</source>
        <translation>从第一步重新开始本课，清除所有勾选</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/lessons/panel.py" line="106"/>
        <location filename="../../nnviz/gui/panels/lessons/panel.py" line="196"/>
        <source>Next ▶</source>
        <translation>下一步 ▶</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/lessons/panel.py" line="108"/>
        <source>The next step (available before this one is ticked: the checks guide, they do not gate)</source>
        <translation>下一步（本步打勾之前也可以前进：检查只作引导，不作限制）</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/lessons/panel.py" line="191"/>
        <source>&lt;b&gt;Step %1 of %2:&lt;/b&gt; %3</source>
        <translation>&lt;b&gt;第 %1 步，共 %2 步：&lt;/b&gt;%3</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/lessons/panel.py" line="196"/>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/lessons/panel.py" line="239"/>
        <source>Read, then go on with Next.</source>
        <translation>读完后按“下一步”继续。</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/lessons/panel.py" line="242"/>
        <source>&lt;b&gt;✔ Done&lt;/b&gt; — %1</source>
        <translation>&lt;b&gt;✔ 已完成&lt;/b&gt; — %1</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/lessons/panel.py" line="245"/>
        <source>&lt;b&gt;☐ To do:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;☐ 待做：&lt;/b&gt;%1</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/lessons/panel.py" line="254"/>
        <source>✔ done</source>
        <translation>✔ 已完成</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/lessons/panel.py" line="261"/>
        <source>Cannot be used: %1</source>
        <translation>无法使用：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/gui/panels/lessons/panel.py" line="255"/>
        <source>%1/%n steps</source>
        <translation>
            <numerusform>%1/%n 步</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/gui/panels/lessons/panel.py" line="255"/>
        <source>%n steps</source>
        <translation>
            <numerusform>%n 步</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LessonPlayer</name>
    <message>
        <location filename="../../nnviz/app/lessons/player.py" line="254"/>
        <source>Lesson: %1</source>
        <translation>课程：%1</translation>
    </message>
</context>
<context>
    <name>LookAheadView</name>
    <message>
        <location filename="../../nnviz/gui/panels/surface/look_ahead.py" line="65"/>
        <source>Where the next %1 updates at the slider&apos;s learning rate would go (dashed): converging, zigzag (converging while the steps flip sign along the steepest direction), oscillating (bounded but not shrinking) or diverged</source>
        <translation>以滑块上的学习率再更新 %1 次会走到哪里（虚线）：收敛、之字形收敛（步子沿最陡方向来回变号，但仍在收敛）、震荡（有界但不缩小）或发散</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/look_ahead.py" line="73"/>
        <source>Where the steps start to zig-zag (1/λmax) and to diverge (2/λmax), with λmax the largest curvature of the loss, over the two axes and over every parameter that trains (the slider&apos;s marks)</source>
        <translation>步子从哪个学习率开始之字形来回（1/λmax）和发散（2/λmax），λmax 为损失的最大曲率；分别针对两个轴和所有参与训练的参数（滑块上的标记）</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/look_ahead.py" line="113"/>
        <source>No look-ahead: %1</source>
        <translation>无法前瞻：%1</translation>
    </message>
</context>
<context>
    <name>LossCurve</name>
    <message>
        <location filename="../../nnviz/gui/panels/loss_curve.py" line="74"/>
        <source>Move the mouse over the curve to read off an iteration&apos;s numbers</source>
        <translation>把鼠标移到曲线上，读出某次迭代的数值</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/loss_curve.py" line="78"/>
        <source>log y</source>
        <translation>对数 y</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/loss_curve.py" line="79"/>
        <source>Logarithmic loss axis (a loss of exactly 0 has no logarithm and is left out)</source>
        <translation>对数损失坐标轴（恰好为 0 的损失没有对数，不画出）</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/loss_curve.py" line="80"/>
        <location filename="../../nnviz/gui/panels/loss_curve.py" line="144"/>
        <location filename="../../nnviz/gui/panels/loss_curve.py" line="354"/>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/loss_curve.py" line="82"/>
        <source>Show the share of the batch&apos;s samples classified right (right axis, 0 to 1)</source>
        <translation>显示批量中分类正确的样本所占的比例（右侧坐标轴，0 到 1）</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/loss_curve.py" line="101"/>
        <source>iteration</source>
        <translation>迭代</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/loss_curve.py" line="102"/>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/loss_curve.py" line="348"/>
        <source>training loss (%1)</source>
        <translation>训练损失（%1）</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/loss_curve.py" line="520"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/loss_curve.py" line="349"/>
        <source>training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/loss_curve.py" line="351"/>
        <source>check loss</source>
        <translation>检验损失</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/loss_curve.py" line="504"/>
        <source>no iterations yet</source>
        <translation>尚无迭代</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/loss_curve.py" line="510"/>
        <source>iteration %1</source>
        <translation>第 %1 次迭代</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/loss_curve.py" line="510"/>
        <source>loss %1</source>
        <translation>损失 %1</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/loss_curve.py" line="514"/>
        <source>check %1</source>
        <translation>检验 %1</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/loss_curve.py" line="516"/>
        <source>accuracy %1</source>
        <translation>准确率 %1</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/loss_curve.py" line="41"/>
        <source>Step or Play: the loss of each iteration appears here</source>
        <translation>单步或播放：每次迭代的损失会显示在这里</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/loss_curve.py" line="44"/>
        <source>timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/loss_curve.py" line="44"/>
        <source>in progress</source>
        <translation>进行中</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../nnviz/gui/main_window.py" line="172"/>
        <source>&amp;Open snapshot…</source>
        <translation>打开快照(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/main_window.py" line="173"/>
        <source>&amp;Save snapshot</source>
        <translation>保存快照(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/main_window.py" line="174"/>
        <source>Save snapshot &amp;as…</source>
        <translation>快照另存为(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/main_window.py" line="176"/>
        <source>&amp;Export network image…</source>
        <translation>导出网络图像(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/main_window.py" line="177"/>
        <source>&amp;Record…</source>
        <translation>录制(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/main_window.py" line="178"/>
        <source>Record what the canvas, the loss surface or the window shows as an animated GIF or MP4, following what you do</source>
        <translation>把画布、损失曲面或整个窗口显示的内容录制成 GIF 动画或 MP4，跟随你的每一步操作</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/main_window.py" line="180"/>
        <source>Export loss &amp;history (CSV)…</source>
        <translation>导出损失历史（CSV）(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/main_window.py" line="181"/>
        <source>Export loss s&amp;urface…</source>
        <translation>导出损失曲面(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/main_window.py" line="182"/>
        <source>The loss surface as a figure (PNG, SVG, ...), as nnviz surface --out draws it</source>
        <translation>把损失曲面导出为图片（PNG、SVG……），与 nnviz surface --out 画的一样</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/main_window.py" line="185"/>
        <source>%1 script…</source>
        <translation>%1 脚本…</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/main_window.py" line="186"/>
        <source>A %1 script that trains this network from here as nnviz does and prints the same losses</source>
        <translation>一个 %1 脚本：从当前状态起像 nnviz 一样训练这个网络，并打印相同的损失</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/main_window.py" line="189"/>
        <source>Export &amp;weights (.npz)…</source>
        <translation>导出权重（.npz）(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/main_window.py" line="190"/>
        <source>W1, b1, W2, b2, ... and the activations, for NumPy</source>
        <translation>W1、b1、W2、b2……以及激活函数，供 NumPy 使用</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/main_window.py" line="191"/>
        <source>&amp;Import weights…</source>
        <translation>导入权重(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/main_window.py" line="192"/>
        <source>A network trained elsewhere: .npz, or a PyTorch state dict</source>
        <translation>在别处训练好的网络：.npz 文件，或 PyTorch 的 state dict</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/main_window.py" line="194"/>
        <source>&amp;Data…</source>
        <translation>数据(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/main_window.py" line="195"/>
        <source>A built-in data set or a table of your own; a check split</source>
        <translation>内置数据集或你自己的表格；划分检验集</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/main_window.py" line="196"/>
        <source>Edit &amp;network…</source>
        <translation>编辑网络(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/main_window.py" line="197"/>
        <source>Layers, neurons, activations, initialisation and seed</source>
        <translation>层、神经元、激活函数、初始化和随机种子</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/main_window.py" line="198"/>
        <source>&amp;Training options</source>
        <translation>训练选项(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/main_window.py" line="199"/>
        <source>Optimizer, batches, loss, schedule, stopping rules</source>
        <translation>优化器、批量、损失函数、学习率调度、停止条件</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/main_window.py" line="200"/>
        <source>Learning-rate &amp;sweep…</source>
        <translation>学习率扫描(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/main_window.py" line="201"/>
        <source>Train copies at many learning rates and compare the final losses</source>
        <translation>用多个学习率分别训练副本，比较最终的损失</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/main_window.py" line="203"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/main_window.py" line="204"/>
        <location filename="../../nnviz/gui/main_window.py" line="38"/>
        <source>Play / pause</source>
        <translation>播放 / 暂停</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/main_window.py" line="205"/>
        <location filename="../../nnviz/gui/main_window.py" line="39"/>
        <source>Next micro-step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/main_window.py" line="206"/>
        <location filename="../../nnviz/gui/main_window.py" line="40"/>
        <source>Step back</source>
        <translation>后退一步</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/main_window.py" line="207"/>
        <source>&amp;Fit to window</source>
        <translation>适应窗口(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/main_window.py" line="208"/>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/main_window.py" line="209"/>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/main_window.py" line="210"/>
        <source>Neuron output &amp;thumbnails</source>
        <translation>神经元输出缩略图(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/main_window.py" line="211"/>
        <source>Each neuron&apos;s output over the input plane (networks with 2 inputs)</source>
        <translation>每个神经元在输入平面上的输出（有 2 个输入的网络）</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/main_window.py" line="214"/>
        <source>Chain &amp;δ vs proportional error</source>
        <translation>链式法则 δ 与按比例分配误差(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/main_window.py" line="215"/>
        <source>Under each neuron: its chain-rule delta and its proportional error (means over the batch); ≠ where some sample&apos;s two point opposite ways</source>
        <translation>在每个神经元下方显示：链式法则算出的 δ 和按权重比例分得的误差（对批量取平均）；若某个样本的两者方向相反，标出 ≠</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/main_window.py" line="233"/>
        <source>How every view writes numbers: the canvas, the inspector, the graph, tooltips, the loss curve and the status lines</source>
        <translation>所有视图显示数字的方式：画布、公式检查器、计算图、提示、损失曲线和状态栏</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/main_window.py" line="242"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/main_window.py" line="243"/>
        <source>&amp;New from preset</source>
        <translation>从预设新建(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/main_window.py" line="255"/>
        <source>Export as &amp;code</source>
        <translation>导出为代码(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/main_window.py" line="263"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/main_window.py" line="264"/>
        <source>Colour &amp;edges by</source>
        <translation>连线着色依据(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/main_window.py" line="269"/>
        <source>&amp;Digits</source>
        <translation>小数位数(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/main_window.py" line="284"/>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/main_window.py" line="293"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/main_window.py" line="294"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/main_window.py" line="295"/>
        <source>&amp;About nnviz</source>
        <translation>关于 nnviz(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/main_window.py" line="326"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/main_window.py" line="329"/>
        <source>Watch a neural network learn by backpropagation, one small step at a time: the forward pass, the loss, the error flowing back and the update, with every number visible.</source>
        <translation>一小步一小步地观察神经网络如何通过反向传播学习：前向传播、损失、误差反向流动和更新，每一个数都看得见。</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/main_window.py" line="331"/>
        <source>About nnviz</source>
        <translation>关于 nnviz</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/main_window.py" line="341"/>
        <source>untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/main_window.py" line="349"/>
        <location filename="../../nnviz/gui/main_window.py" line="352"/>
        <source>iteration %1</source>
        <translation>第 %1 次迭代</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/main_window.py" line="350"/>
        <source>phase: %1</source>
        <translation>阶段：%1</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/main_window.py" line="352"/>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/main_window.py" line="352"/>
        <source>ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/main_window.py" line="355"/>
        <source>loss %1</source>
        <translation>损失 %1</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/main_window.py" line="357"/>
        <source>diverged</source>
        <translation>发散</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/main_window.py" line="41"/>
        <source>Open snapshot</source>
        <translation>打开快照</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/main_window.py" line="42"/>
        <source>Save snapshot</source>
        <translation>保存快照</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/main_window.py" line="43"/>
        <source>Export network image</source>
        <translation>导出网络图像</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/main_window.py" line="44"/>
        <source>Record an animation (GIF or MP4); again to stop</source>
        <translation>录制动画（GIF 或 MP4）；再按一次停止</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/main_window.py" line="45"/>
        <source>Edit the network (layers, neurons, activations)</source>
        <translation>编辑网络（层、神经元、激活函数）</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/main_window.py" line="46"/>
        <source>Choose the data: a built-in set or a file of your own</source>
        <translation>选择数据：内置数据集或你自己的文件</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/main_window.py" line="47"/>
        <source>Fit the network to the window</source>
        <translation>让网络适应窗口大小</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/main_window.py" line="48"/>
        <source>Zoom in / out (or the mouse wheel on the canvas)</source>
        <translation>放大 / 缩小（或在画布上滚动鼠标滚轮）</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/main_window.py" line="49"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/main_window.py" line="57"/>
        <source>Follow the step (weights; gradients and updates of the active layer)</source>
        <translation>跟随当前步骤（权重；当前层的梯度和更新量）</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/main_window.py" line="58"/>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/main_window.py" line="58"/>
        <source>Gradients</source>
        <translation>梯度</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/main_window.py" line="59"/>
        <source>Last updates</source>
        <translation>上一次更新量</translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/gui/main_window.py" line="230"/>
        <source>%n decimal places (nnviz trace)</source>
        <translation>
            <numerusform>%n 位小数（nnviz trace）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/gui/main_window.py" line="231"/>
        <source>%n decimal places</source>
        <translation>
            <numerusform>%n 位小数</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MarksRuler</name>
    <message>
        <location filename="../../nnviz/gui/controls/lr_slider.py" line="199"/>
        <source>zig-zag from %1</source>
        <translation>从 %1 起之字形来回</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/controls/lr_slider.py" line="200"/>
        <source>diverges from %1</source>
        <translation>从 %1 起发散</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/controls/lr_slider.py" line="216"/>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/controls/lr_slider.py" line="218"/>
        <source>Both lie beyond the slider&apos;s end (%1).</source>
        <translation>两者都超出了滑块的右端（%1）。</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/controls/lr_slider.py" line="219"/>
        <source>This lies beyond the slider&apos;s end (%1).</source>
        <translation>它超出了滑块的右端（%1）。</translation>
    </message>
</context>
<context>
    <name>Network</name>
    <message>
        <location filename="../../nnviz/core/network.py" line="69"/>
        <source>a network needs at least an input and an output layer</source>
        <translation>网络至少需要一个输入层和一个输出层</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/network.py" line="71"/>
        <source>every layer needs at least one neuron, got sizes %1</source>
        <translation>每层至少需要一个神经元，实际各层大小为 %1</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/network.py" line="77"/>
        <source>expected %1 activations (one per weight layer), got %2</source>
        <translation>应有 %1 个激活函数（每个权重层一个），实际为 %2 个</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/network.py" line="111"/>
        <location filename="../../nnviz/core/network.py" line="147"/>
        <source>expected %1 weight matrices and bias vectors</source>
        <translation>应有 %1 个权重矩阵和偏置向量</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/network.py" line="117"/>
        <source>W%1: expected shape %2, got %3</source>
        <translation>W%1：形状应为 %2，实际为 %3</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/network.py" line="119"/>
        <source>b%1: expected shape %2, got %3</source>
        <translation>b%1：形状应为 %2，实际为 %3</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/network.py" line="129"/>
        <source>neuron names must match the layer sizes %1</source>
        <translation>神经元名称须与各层大小 %1 相符</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/network.py" line="162"/>
        <source>bad parameter name %1: expected W&lt;layer&gt;[&lt;row&gt;,&lt;col&gt;] or b&lt;layer&gt;[&lt;row&gt;]</source>
        <translation>参数名 %1 有误：应为 W&lt;层&gt;[&lt;行&gt;,&lt;列&gt;] 或 b&lt;层&gt;[&lt;行&gt;]</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/network.py" line="167"/>
        <source>bad parameter name %1: weights take [row,col], biases take [row]</source>
        <translation>参数名 %1 有误：权重用 [行,列]，偏置用 [行]</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/network.py" line="170"/>
        <source>bad parameter name %1: layer must be 1..%2</source>
        <translation>参数名 %1 有误：层须为 1..%2</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/network.py" line="173"/>
        <source>bad parameter name %1: row must be 0..%2</source>
        <translation>参数名 %1 有误：行须为 0..%2</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/network.py" line="175"/>
        <source>bad parameter name %1: column must be 0..%2</source>
        <translation>参数名 %1 有误：列须为 0..%2</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/network.py" line="208"/>
        <source>expected %1 parameters, got shape %2</source>
        <translation>应有 %1 个参数，实际形状为 %2</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/network.py" line="261"/>
        <source>unknown initialisation %1; expected one of %2</source>
        <translation>未知的初始化方式 %1；应为以下之一：%2</translation>
    </message>
</context>
<context>
    <name>NetworkEditor</name>
    <message>
        <location filename="../../nnviz/gui/dialogs/network_editor.py" line="55"/>
        <source>Network editor</source>
        <translation>网络编辑器</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/network_editor.py" line="68"/>
        <source>Data: %1 — %2, %3 (fixed by the data)</source>
        <translation>数据：%1 — %2，%3（由数据决定）</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/network_editor.py" line="69"/>
        <source>current data set</source>
        <translation>当前数据集</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/network_editor.py" line="77"/>
        <source>Add hidden layer</source>
        <translation>添加隐藏层</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/network_editor.py" line="78"/>
        <source>Add a hidden layer before the output (at most %1)</source>
        <translation>在输出层之前添加一个隐藏层（最多 %1 个）</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/network_editor.py" line="88"/>
        <source>How the weights and biases are drawn</source>
        <translation>权重和偏置如何随机生成</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/network_editor.py" line="95"/>
        <source>The seed of the initialisation and of the batch shuffling</source>
        <translation>初始化和批量打乱所用的随机种子</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/network_editor.py" line="98"/>
        <source>Initialisation</source>
        <translation>初始化</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/network_editor.py" line="100"/>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/network_editor.py" line="104"/>
        <source>Build network</source>
        <translation>构建网络</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/network_editor.py" line="133"/>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/network_editor.py" line="133"/>
        <source>Neurons</source>
        <translation>神经元数</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/network_editor.py" line="133"/>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/network_editor.py" line="136"/>
        <source>Input</source>
        <translation>输入层</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/network_editor.py" line="142"/>
        <source>Hidden %1</source>
        <translation>隐藏层 %1</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/network_editor.py" line="147"/>
        <source>Neurons in hidden layer %1 (1 to %2)</source>
        <translation>隐藏层 %1 的神经元数（1 到 %2）</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/network_editor.py" line="154"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/network_editor.py" line="155"/>
        <source>Remove hidden layer %1</source>
        <translation>移除隐藏层 %1</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/network_editor.py" line="160"/>
        <source>Output</source>
        <translation>输出层</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/network_editor.py" line="169"/>
        <source>Fixed by the data set</source>
        <translation>由数据集决定</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/network_editor.py" line="181"/>
        <source>softmax needs at least 2 outputs</source>
        <translation>softmax 至少需要 2 个输出</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/network_editor.py" line="189"/>
        <source>Activation of the output layer</source>
        <translation>输出层的激活函数</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/network_editor.py" line="190"/>
        <source>Activation of hidden layer %1</source>
        <translation>隐藏层 %1 的激活函数</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/network_editor.py" line="215"/>
        <source>Layers %1</source>
        <translation>各层 %1</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/network_editor.py" line="227"/>
        <source>At most %1 hidden layers</source>
        <translation>最多 %1 个隐藏层</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/network_editor.py" line="241"/>
        <source>There is no hidden layer to remove</source>
        <translation>没有可移除的隐藏层</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/network_editor.py" line="325"/>
        <source>New network %1 (%2), %3 initialisation, seed %4, loss %5</source>
        <translation>新网络 %1（%2），%3 初始化，种子 %4，损失函数 %5</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/network_editor.py" line="31"/>
        <source>weights and biases uniform in [-1, 1]</source>
        <translation>权重和偏置在 [-1, 1] 上均匀分布</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/network_editor.py" line="32"/>
        <source>weights normal × 0.1, biases 0</source>
        <translation>权重为正态分布 × 0.1，偏置为 0</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/network_editor.py" line="33"/>
        <source>Xavier/Glorot: uniform in ±√(6 / (n_in + n_out)), biases 0</source>
        <translation>Xavier/Glorot：在 ±√(6 / (n_in + n_out)) 内均匀分布，偏置为 0</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/network_editor.py" line="34"/>
        <source>He: normal with std √(2 / n_in), biases 0</source>
        <translation>He：标准差为 √(2 / n_in) 的正态分布，偏置为 0</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/network_editor.py" line="35"/>
        <source>everything 0: every hidden unit stays identical for ever (a lesson)</source>
        <translation>全部为 0：每个隐藏单元永远保持相同（演示）</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/network_editor.py" line="36"/>
        <source>uniform in [-10, 10]: sigmoids saturate, gradients vanish (a lesson)</source>
        <translation>在 [-10, 10] 上均匀分布：sigmoid 饱和，梯度消失（演示）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/gui/dialogs/network_editor.py" line="66"/>
        <source>%n inputs</source>
        <translation>
            <numerusform>%n 个输入</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/gui/dialogs/network_editor.py" line="67"/>
        <source>%n outputs</source>
        <translation>
            <numerusform>%n 个输出</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/gui/dialogs/network_editor.py" line="217"/>
        <source>%n parameters</source>
        <translation>
            <numerusform>%n 个参数</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RaceRun</name>
    <message>
        <location filename="../../nnviz/app/runs.py" line="154"/>
        <source>chain rule</source>
        <translation>链式法则</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/runs.py" line="154"/>
        <source>proportional split</source>
        <translation>按比例分配</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/runs.py" line="158"/>
        <source> (stopped after %1: diverged)</source>
        <translation>（%1 次后停止：发散）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/app/runs.py" line="160"/>
        <source>After %n iterations</source>
        <translation>
            <numerusform>%n 次迭代后</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RangeDialog</name>
    <message>
        <location filename="../../nnviz/gui/panels/surface/dialogs.py" line="23"/>
        <source>Surface range</source>
        <translation>曲面范围</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/dialogs.py" line="27"/>
        <source>%1 from</source>
        <translation>%1 从</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/dialogs.py" line="27"/>
        <location filename="../../nnviz/gui/panels/surface/dialogs.py" line="28"/>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/dialogs.py" line="52"/>
        <source>Each range needs two numbers, the first smaller</source>
        <translation>每个范围需要两个数，前一个较小</translation>
    </message>
</context>
<context>
    <name>RecordControl</name>
    <message>
        <location filename="../../nnviz/gui/record_control.py" line="100"/>
        <source>Recording %1: press Stop (or Record) to write it</source>
        <translation>正在录制 %1：按“停止”（或“录制”）写入文件</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/record_control.py" line="117"/>
        <source>Recording stopped at the limit of %1 frames after the first</source>
        <translation>录制已停止：第一帧之后已达上限 %1 帧</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/record_control.py" line="123"/>
        <source>Writing %1…</source>
        <translation>正在写入 %1…</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/record_control.py" line="123"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/record_control.py" line="125"/>
        <source>Recording</source>
        <translation>录制</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/record_control.py" line="150"/>
        <source>Writing %1… frame %2 of %3</source>
        <translation>正在写入 %1… 第 %2 帧，共 %3 帧</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/record_control.py" line="165"/>
        <source>Cannot write the recording</source>
        <translation>无法写入录制文件</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/record_control.py" line="166"/>
        <source>%1
Nothing was written.</source>
        <translation>%1
没有写入任何文件。</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/record_control.py" line="168"/>
        <source>Recording cancelled: nothing was written</source>
        <translation>录制已取消：没有写入任何文件</translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/gui/record_control.py" line="104"/>
        <source>%n of %1 frames</source>
        <translation>
            <numerusform>%n / %1 帧</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/gui/record_control.py" line="105"/>
        <source>%n frames</source>
        <translation>
            <numerusform>%n 帧</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/gui/record_control.py" line="159"/>
        <source>Recorded %n frames (%1 s) to %2</source>
        <translation>
            <numerusform>已录制 %n 帧（%1 秒）到 %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <location filename="../../nnviz/gui/dialogs/record_dialog.py" line="25"/>
        <location filename="../../nnviz/gui/dialogs/record_dialog.py" line="101"/>
        <source>Record</source>
        <translation>录制</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/record_dialog.py" line="30"/>
        <source>The network canvas</source>
        <translation>网络画布</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/record_dialog.py" line="30"/>
        <source>The loss surface</source>
        <translation>损失曲面</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/record_dialog.py" line="31"/>
        <source>The whole window</source>
        <translation>整个窗口</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/record_dialog.py" line="39"/>
        <source>micro-steps</source>
        <translation>微步</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/record_dialog.py" line="39"/>
        <source>phases</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/record_dialog.py" line="39"/>
        <source>iterations</source>
        <translation>次迭代</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/record_dialog.py" line="44"/>
        <source>after every</source>
        <translation>每隔</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/record_dialog.py" line="48"/>
        <source>until I press Stop</source>
        <translation>直到我按“停止”</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/record_dialog.py" line="49"/>
        <source>At most %1 frames after the first: the recording stops by itself there</source>
        <translation>第一帧之后最多 %1 帧：到此录制自动停止</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/record_dialog.py" line="51"/>
        <source>stop after</source>
        <translation>录制</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/record_dialog.py" line="55"/>
        <source> frames</source>
        <translation> 帧后停止</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/record_dialog.py" line="56"/>
        <source>Frames after the first, which shows the start (7 micro-steps are one iteration of a 2-layer network)</source>
        <translation>第一帧（显示起点）之后的帧数（两层网络的一次迭代是 7 个微步）</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/record_dialog.py" line="69"/>
        <source> frames a second</source>
        <translation> 帧/秒</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/record_dialog.py" line="70"/>
        <source>GIF delays are whole hundredths of a second: 1/fps is rounded to the nearest</source>
        <translation>GIF 的帧间隔以百分之一秒为单位：1/fps 四舍五入</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/record_dialog.py" line="81"/>
        <source>Caption line: the phase, e.g. &quot;%1&quot;</source>
        <translation>说明行：当前阶段，例如“%1”</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/record_dialog.py" line="86"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/record_dialog.py" line="98"/>
        <source>Start recording</source>
        <translation>开始录制</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/record_dialog.py" line="102"/>
        <source>A frame</source>
        <translation>一帧</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/record_dialog.py" line="103"/>
        <source>Length</source>
        <translation>长度</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/record_dialog.py" line="104"/>
        <source>Frame rate</source>
        <translation>帧率</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/record_dialog.py" line="105"/>
        <source>Size</source>
        <translation>尺寸</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/record_dialog.py" line="107"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/record_dialog.py" line="115"/>
        <source>Record to</source>
        <translation>录制到</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/record_dialog.py" line="139"/>
        <source>choose a file to record to</source>
        <translation>请选择录制到的文件</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/record_dialog.py" line="143"/>
        <source>the folder %1 does not exist</source>
        <translation>文件夹 %1 不存在</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/record_dialog.py" line="19"/>
        <source>Animated GIF (*.gif);;MP4 video (*.mp4)</source>
        <translation>GIF 动画 (*.gif);;MP4 视频 (*.mp4)</translation>
    </message>
</context>
<context>
    <name>ScheduleStrip</name>
    <message>
        <location filename="../../nnviz/gui/panels/schedule_strip.py" line="35"/>
        <source>The learning rate the schedule applies at each iteration (dashed; dotted: the iterations still to come)</source>
        <translation>学习率调度在每次迭代使用的学习率（虚线；点线：尚未进行的迭代）</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/schedule_strip.py" line="49"/>
        <source>rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/schedule_strip.py" line="52"/>
        <source>learning rate (schedule)</source>
        <translation>学习率（调度）</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/schedule_strip.py" line="101"/>
        <source>learning rate (%1) · next %2</source>
        <translation>学习率（%1）· 下一次 %2</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/schedule_strip.py" line="24"/>
        <source>Constant</source>
        <translation>恒定</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/schedule_strip.py" line="24"/>
        <source>Step decay</source>
        <translation>阶梯衰减</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/schedule_strip.py" line="25"/>
        <source>Exponential</source>
        <translation>指数衰减</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/schedule_strip.py" line="25"/>
        <source>1/t decay</source>
        <translation>1/t 衰减</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../../nnviz/app/play.py" line="83"/>
        <source>%1: reset, step back or change the learning rate</source>
        <translation>%1：请重置、后退一步或修改学习率</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/play.py" line="144"/>
        <location filename="../../nnviz/app/play.py" line="185"/>
        <source>Stopped: the loss fell below %1</source>
        <translation>已停止：损失低于 %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/app/play.py" line="158"/>
        <source>Stopped: reached %n iterations</source>
        <translation>
            <numerusform>已停止：达到 %n 次迭代</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../nnviz/app/session.py" line="44"/>
        <source>zeros: every hidden unit stays identical for ever</source>
        <translation>全零：每个隐藏单元永远保持相同</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/session.py" line="45"/>
        <source>large: sigmoids saturate, gradients vanish</source>
        <translation>大权重：sigmoid 饱和，梯度消失</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/session.py" line="157"/>
        <source>New network from the preset %1: %2</source>
        <translation>由预设 %1 新建网络：%2</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/session.py" line="164"/>
        <source>Opened %1: iteration %2</source>
        <translation>已打开 %1：第 %2 次迭代</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/session.py" line="170"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/session.py" line="194"/>
        <source>Training diverged: %1. Step back, reset or lower the learning rate.</source>
        <translation>训练发散：%1。请后退一步、重置或降低学习率。</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/session.py" line="237"/>
        <source>Reset to the initial weights; the forks that branched later are removed: %1</source>
        <translation>已重置为初始权重；之后才分出的分叉已移除：%1</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/session.py" line="238"/>
        <source>Reset to the initial weights</source>
        <translation>已重置为初始权重</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/session.py" line="270"/>
        <source>%1 frozen: training leaves it unchanged</source>
        <translation>%1 已冻结：训练不改变它</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/session.py" line="271"/>
        <source>%1 unfrozen</source>
        <translation>%1 已解冻</translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/app/session.py" line="273"/>
        <source>%n parameters frozen: training leaves them unchanged</source>
        <translation>
            <numerusform>%n 个参数已冻结：训练不改变它们</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/app/session.py" line="274"/>
        <source>%n parameters unfrozen</source>
        <translation>
            <numerusform>%n 个参数已解冻</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../nnviz/app/session.py" line="285"/>
        <source>All biases frozen: training leaves them unchanged</source>
        <translation>所有偏置已冻结：训练不改变它们</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/session.py" line="286"/>
        <source>All biases unfrozen</source>
        <translation>所有偏置已解冻</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/session.py" line="307"/>
        <source>%1 set to %2 (Step back undoes it)</source>
        <translation>%1 设为 %2（“后退一步”可撤销）</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/session.py" line="310"/>
        <source>%1 (Step back undoes it)</source>
        <translation>%1（“后退一步”可撤销）</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/session.py" line="360"/>
        <source>Back to the initial weights from before the lesson</source>
        <translation>已回到演示之前的初始权重</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/session.py" line="375"/>
        <source>Cannot fork a diverged run: step back or reset first</source>
        <translation>不能从已发散的运行分叉：请先后退一步或重置</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/session.py" line="382"/>
        <source>Fork: %1</source>
        <translation>分叉：%1</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/session.py" line="388"/>
        <source>Forked at iteration %1: the fork trains at rate %2 with %3 alongside the main run</source>
        <translation>已在第 %1 次迭代分叉：分叉以学习率 %2、%3 与主运行并行训练</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/session.py" line="391"/>
        <source>%1; it replaces the oldest fork (%2): at most %3 forks run at once</source>
        <translation>%1；它取代了最早的分叉（%2）：最多同时运行 %3 个分叉</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/session.py" line="434"/>
        <source>The trainer has diverged: reset or step back before a race.</source>
        <translation>训练已发散：竞赛前请重置或后退一步。</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/session.py" line="553"/>
        <source>That point is older than the kept step history; only the recent iterations can be resumed</source>
        <translation>该时刻早于保留的步骤历史；只能从最近的迭代继续</translation>
    </message>
</context>
<context>
    <name>SnapshotError</name>
    <message>
        <location filename="../../nnviz/io/snapshot.py" line="173"/>
        <source>cannot save %1: %2</source>
        <translation>无法保存 %1：%2</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/snapshot.py" line="192"/>
        <source>the file is empty (expected a JSON snapshot)</source>
        <translation>文件是空的（应为 JSON 快照）</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/snapshot.py" line="196"/>
        <source>not valid JSON at line %1, column %2: %3</source>
        <translation>第 %1 行第 %2 列不是有效的 JSON：%3</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/snapshot.py" line="199"/>
        <source>not valid JSON: nested too deeply</source>
        <translation>不是有效的 JSON：嵌套太深</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/snapshot.py" line="201"/>
        <source>not valid JSON: a number with too many digits</source>
        <translation>不是有效的 JSON：有一个数的位数太多</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/snapshot.py" line="208"/>
        <source>expected a JSON object at the top level</source>
        <translation>顶层应为 JSON 对象</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/snapshot.py" line="211"/>
        <source>format: missing (expected &quot;%1&quot;)</source>
        <translation>format：缺失（应为“%1”）</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/snapshot.py" line="213"/>
        <source>format: expected &quot;%1&quot;, got %2</source>
        <translation>format：应为“%1”，实际为 %2</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/snapshot.py" line="216"/>
        <source>version: unsupported version %1 (this nnviz reads version %2)</source>
        <translation>version：不支持的版本 %1（此 nnviz 读取版本 %2）</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/snapshot.py" line="223"/>
        <source>expected at least two layers (inputs and outputs)</source>
        <translation>至少应有两层（输入和输出）</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/snapshot.py" line="231"/>
        <source>expected %1 activations (one per weight layer), got %2</source>
        <translation>应有 %1 个激活函数（每个权重层一个），实际为 %2 个</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/snapshot.py" line="244"/>
        <source>expected one name per neuron for sizes %1</source>
        <translation>各层大小为 %1，应每个神经元一个名称</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/snapshot.py" line="251"/>
        <source>network: %1</source>
        <translation>network：%1</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/snapshot.py" line="309"/>
        <source>expected each sample index 0..%1 exactly once</source>
        <translation>每个样本序号 0..%1 应恰好出现一次</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/snapshot.py" line="334"/>
        <location filename="../../nnviz/io/snapshot.py" line="395"/>
        <source>training: %1</source>
        <translation>training：%1</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/snapshot.py" line="348"/>
        <source>training.optimizer.state: missing (state_of names an optimizer)</source>
        <translation>training.optimizer.state：缺失（state_of 指明了一个优化器）</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/snapshot.py" line="356"/>
        <source>training.optimizer.t: expected 0 when there is no optimizer state</source>
        <translation>training.optimizer.t：没有优化器状态时应为 0</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/snapshot.py" line="373"/>
        <source>iteration_values: missing (the cursor stands inside an iteration)</source>
        <translation>iteration_values：缺失（当前位置在一次迭代之中）</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/snapshot.py" line="378"/>
        <source>training.optimizer.state_of: missing (an update of this iteration has run)</source>
        <translation>training.optimizer.state_of：缺失（本次迭代的更新已经运行）</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/snapshot.py" line="381"/>
        <source>training.optimizer.state_of: expected %1 (the optimizer of the update phase under way), got %2</source>
        <translation>training.optimizer.state_of：应为 %1（正在进行的更新阶段的优化器），实际为 %2</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/snapshot.py" line="404"/>
        <location filename="../../nnviz/io/snapshot.py" line="442"/>
        <source>expected %1 entries (one per weight layer), got %2</source>
        <translation>应有 %1 项（每个权重层一项），实际为 %2 项</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/snapshot.py" line="448"/>
        <source>expected [W state, b state]</source>
        <translation>应为 [W 状态, b 状态]</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/snapshot.py" line="488"/>
        <source>iteration_values.%1: missing (the %2 step has run)</source>
        <translation>iteration_values.%1：缺失（%2 步已经运行）</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/snapshot.py" line="490"/>
        <source>iteration_values.%1[%2]: missing (the %3 step of layer %4 has run)</source>
        <translation>iteration_values.%1[%2]：缺失（第 %4 层的 %3 步已经运行）</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/snapshot_fields.py" line="43"/>
        <source>not allowed without target_range (the targets were not scaled)</source>
        <translation>没有 target_range 时不允许（目标未缩放）</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/snapshot_fields.py" line="46"/>
        <source>expected [low, high] with low &lt; high, got %1</source>
        <translation>应为 [low, high] 且 low &lt; high，实际为 %1</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/snapshot_fields.py" line="50"/>
        <source>column %1: minimum %2 is above the maximum %3</source>
        <translation>第 %1 列：最小值 %2 大于最大值 %3</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/snapshot_fields.py" line="68"/>
        <source>expected at least one sample</source>
        <translation>至少应有一个样本</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/snapshot_fields.py" line="72"/>
        <source>expected %1 columns (the network&apos;s inputs), got %2</source>
        <translation>应有 %1 列（网络的输入数），实际为 %2 列</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/snapshot_fields.py" line="75"/>
        <source>expected %1 columns (the network&apos;s outputs), got %2</source>
        <translation>应有 %1 列（网络的输出数），实际为 %2 列</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/snapshot_fields.py" line="78"/>
        <source>expected %1 row (one per input row), got %2</source>
        <translation>应有 %1 行（每个输入行一行），实际为 %2 行</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/snapshot_fields.py" line="80"/>
        <source>expected %1 rows (one per input row), got %2</source>
        <translation>应有 %1 行（每个输入行一行），实际为 %2 行</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/snapshot_fields.py" line="93"/>
        <source>%1.params: %2</source>
        <translation>%1.params：%2</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/snapshot_fields.py" line="125"/>
        <source>expected a %1 generator state (bit_generator: &quot;%2&quot;)</source>
        <translation>应为 %1 生成器状态（bit_generator：“%2”）</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/snapshot_fields.py" line="138"/>
        <source>not a valid generator state (%1)</source>
        <translation>不是有效的生成器状态（%1）</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/snapshot_fields.py" line="145"/>
        <source>expected %1 arrays (one per weight layer), got %2</source>
        <translation>应有 %1 个数组（每个权重层一个），实际为 %2 个</translation>
    </message>
</context>
<context>
    <name>StepControls</name>
    <message>
        <location filename="../../nnviz/gui/controls/step_controls.py" line="82"/>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/controls/step_controls.py" line="82"/>
        <source>Back to the initial weights</source>
        <translation>回到初始权重</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/controls/step_controls.py" line="83"/>
        <source>Step back</source>
        <translation>后退一步</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/controls/step_controls.py" line="83"/>
        <source>Undo the last micro-step (Left)</source>
        <translation>撤销上一个微步（←）</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/controls/step_controls.py" line="84"/>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/controls/step_controls.py" line="84"/>
        <source>Next micro-step (Right)</source>
        <translation>下一个微步（→）</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/controls/step_controls.py" line="85"/>
        <source>Finish phase</source>
        <translation>完成本阶段</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/controls/step_controls.py" line="86"/>
        <source>Run to the end of the current phase</source>
        <translation>运行到当前阶段结束</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/controls/step_controls.py" line="87"/>
        <source>Finish iteration</source>
        <translation>完成本次迭代</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/controls/step_controls.py" line="88"/>
        <source>Run to the end of the iteration</source>
        <translation>运行到本次迭代结束</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/controls/step_controls.py" line="89"/>
        <location filename="../../nnviz/gui/controls/step_controls.py" line="227"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/controls/step_controls.py" line="89"/>
        <source>Play / pause (Space)</source>
        <translation>播放 / 暂停（空格键）</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/controls/step_controls.py" line="91"/>
        <location filename="../../nnviz/gui/controls/step_controls.py" line="222"/>
        <source>Record</source>
        <translation>录制</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/controls/step_controls.py" line="92"/>
        <source>Record what you do as an animated GIF or MP4 (File ▸ Record…); press again to stop</source>
        <translation>把你的操作录制成 GIF 动画或 MP4（文件 ▸ 录制…）；再按一次停止</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/controls/step_controls.py" line="100"/>
        <source>Play speed: steps per second; “screen”: one step per frame the screen shows (%1 a second), the default; right end: as fast as possible</source>
        <translation>播放速度：每秒的步数；“屏幕”：屏幕每显示一帧走一步（每秒 %1 帧），为默认值；最右端：尽可能快</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/controls/step_controls.py" line="108"/>
        <source>What one Play step runs</source>
        <translation>播放时每一步运行多少</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/controls/step_controls.py" line="128"/>
        <source>speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/controls/step_controls.py" line="131"/>
        <source>by</source>
        <translation>每步</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/controls/step_controls.py" line="189"/>
        <source>Continue from the past?</source>
        <translation>从过去的状态继续？</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/controls/step_controls.py" line="190"/>
        <source>The timeline shows iteration %1. Continuing from there discards iterations %2..%3. Continue?</source>
        <translation>时间轴正显示第 %1 次迭代。从那里继续将丢弃第 %2..%3 次迭代。继续吗？</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/controls/step_controls.py" line="215"/>
        <source>max</source>
        <translation>最快</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/controls/step_controls.py" line="215"/>
        <source>screen</source>
        <translation>屏幕</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/controls/step_controls.py" line="216"/>
        <source>%1/s</source>
        <translation>%1/秒</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/controls/step_controls.py" line="222"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/controls/step_controls.py" line="227"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/controls/step_controls.py" line="247"/>
        <source>next: %1</source>
        <translation>下一步：%1</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/controls/step_controls.py" line="248"/>
        <source>iteration %1</source>
        <translation>第 %1 次迭代</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/controls/step_controls.py" line="254"/>
        <source>diverged: %1</source>
        <translation>发散：%1</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/controls/step_controls.py" line="256"/>
        <source>loss %1</source>
        <translation>损失 %1</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/controls/step_controls.py" line="258"/>
        <source>loss %1 (current weights)</source>
        <translation>损失 %1（当前权重）</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/controls/step_controls.py" line="260"/>
        <source>loss %1 (before training)</source>
        <translation>损失 %1（训练前）</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/controls/step_controls.py" line="21"/>
        <source>micro-step</source>
        <translation>微步</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/controls/step_controls.py" line="21"/>
        <source>phase</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/controls/step_controls.py" line="22"/>
        <source>iteration</source>
        <translation>迭代</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/controls/step_controls.py" line="22"/>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/controls/step_controls.py" line="72"/>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/controls/step_controls.py" line="74"/>
        <source>Iteration %1 done</source>
        <translation>第 %1 次迭代完成</translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/gui/controls/step_controls.py" line="250"/>
        <source>%n epochs done</source>
        <translation>
            <numerusform>已完成 %n 轮</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SurfaceControls</name>
    <message>
        <location filename="../../nnviz/gui/panels/surface/controls.py" line="24"/>
        <source>The parameter across (x); also the cross-section&apos;s axis</source>
        <translation>横轴（x）上的参数；也是截面的轴</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/controls.py" line="25"/>
        <source>The parameter up (y)</source>
        <translation>纵轴（y）上的参数</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/controls.py" line="29"/>
        <source>Follow canvas</source>
        <translation>跟随画布</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/controls.py" line="31"/>
        <source>Click two weights or biases on the network: they become the axes (the first clicked across, the second up)</source>
        <translation>在网络上点击两个权重或偏置：它们成为坐标轴（先点击的为横轴，后点击的为纵轴）</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/controls.py" line="36"/>
        <source>Slice: the loss over the two parameters, all others at their current values.
Plane of the trajectory: the loss over the plane through the current point spanned by the two main directions of the path so far (Li et al. 2018), with the path projected onto it.</source>
        <translation>切片：两个参数上的损失，其余参数保持当前值。
轨迹平面：经过当前点、由迄今路径的两个主方向张成的平面上的损失（Li 等，2018），路径投影在该平面上。</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/controls.py" line="43"/>
        <source>The cross-section under the heat map: the loss along the first axis, or along the steepest eigen-direction of the curvature over the two axes through the current point, where a zig-zag bounces from wall to wall (slices only)</source>
        <translation>热力图下方的截面：沿第一个轴的损失，或沿经过当前点、两个轴上曲率的最陡特征方向的损失——之字形来回在这里表现为在两壁之间反弹（仅限切片）</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/controls.py" line="49"/>
        <source>Train only these two</source>
        <translation>只训练这两个</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/controls.py" line="50"/>
        <source>Freeze every other parameter, so that the path lies exactly on the surface; unchecking restores what was frozen before</source>
        <translation>冻结其他所有参数，使路径恰好落在曲面上；取消勾选则恢复之前的冻结设置</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/controls.py" line="52"/>
        <source>Log colours</source>
        <translation>对数着色</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/controls.py" line="53"/>
        <source>Colour by log10 of the loss (shows the valley floor)</source>
        <translation>按损失的 log10 着色（显出谷底）</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/controls.py" line="54"/>
        <source>Fit</source>
        <translation>适配</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/controls.py" line="55"/>
        <source>Fit the range to the path, the current point and the dashed look-ahead (unless it diverges), and keep following the path</source>
        <translation>使范围容纳路径、当前点和虚线前瞻（发散时除外），并持续跟随路径</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/controls.py" line="57"/>
        <source>Range…</source>
        <translation>范围…</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/controls.py" line="58"/>
        <source>Set the range by hand</source>
        <translation>手动设置范围</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/controls.py" line="59"/>
        <source>Fork…</source>
        <translation>分叉…</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/controls.py" line="60"/>
        <source>Train a copy of the current state with another learning rate, optimizer, batch mode or loss alongside the main run (up to three at once, each in its own colour)</source>
        <translation>在主训练旁，用另一个学习率、优化器、批量方式或损失函数训练当前状态的一个副本（最多同时三个，各有各的颜色）</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/controls.py" line="63"/>
        <source>Remove forks</source>
        <translation>移除分叉</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/controls.py" line="64"/>
        <source>Remove every fork (✕ beside a fork in the list under the plots removes that one)</source>
        <translation>移除所有分叉（图下方列表中某个分叉旁的 ✕ 只移除那一个）</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/controls.py" line="67"/>
        <source>Sweep…</source>
        <translation>学习率扫描…</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/controls.py" line="68"/>
        <source>Learning-rate sweep: train copies at many rates and compare</source>
        <translation>学习率扫描：以多个学习率训练副本并比较</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/controls.py" line="110"/>
        <source>%1  (frozen)</source>
        <translation>%1  （已冻结）</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/controls.py" line="13"/>
        <source>Slice through the current point</source>
        <translation>经过当前点的切片</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/controls.py" line="14"/>
        <source>Plane of the trajectory</source>
        <translation>轨迹平面</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/cross_section.py" line="22"/>
        <source>Cross-section along x</source>
        <translation>沿 x 的截面</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/cross_section.py" line="23"/>
        <source>Cross-section along the steepest direction</source>
        <translation>沿最陡方向的截面</translation>
    </message>
</context>
<context>
    <name>SurfacePanel</name>
    <message>
        <location filename="../../nnviz/gui/panels/surface/panel.py" line="132"/>
        <location filename="../../nnviz/gui/panels/surface/panel.py" line="369"/>
        <source>Surface: %1</source>
        <translation>损失曲面：%1</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/panel.py" line="282"/>
        <location filename="../../nnviz/gui/panels/surface/figure.py" line="107"/>
        <source>direction 1 (main)</source>
        <translation>方向 1（主方向）</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/panel.py" line="282"/>
        <location filename="../../nnviz/gui/panels/surface/figure.py" line="107"/>
        <location filename="../../nnviz/gui/panels/surface/range_choice.py" line="44"/>
        <source>direction 2</source>
        <translation>方向 2</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/panel.py" line="315"/>
        <source>Choose two parameters to see the loss over them.</source>
        <translation>选择两个参数，查看它们上的损失。</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/panel.py" line="317"/>
        <location filename="../../nnviz/gui/panels/surface/axes_choice.py" line="103"/>
        <source>%1 and %2</source>
        <translation>%1 和 %2</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/panel.py" line="319"/>
        <source>Plane through the current point along the path&apos;s two main directions, the path projected onto it; it turns as the path grows.</source>
        <translation>经过当前点、沿路径两个主方向的平面，路径投影在其上；随着路径增长，平面会转动。</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/panel.py" line="322"/>
        <source>Only %1 train: the path lies exactly on this surface.</source>
        <translation>只有 %1 参与训练：路径恰好落在这个曲面上。</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/panel.py" line="324"/>
        <source>Everything trains: a slice through the current point (other parameters as they are now), redrawn as it moves.</source>
        <translation>所有参数都在训练：这是经过当前点的切片（其他参数取当前值），随当前点移动而重绘。</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/panel.py" line="328"/>
        <source>%1 Axes: the two parameters clicked last.</source>
        <translation>%1坐标轴：最后点击的两个参数。</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/panel.py" line="394"/>
        <source>Plane of the trajectory: %1</source>
        <translation>轨迹平面：%1</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/panel.py" line="459"/>
        <source>The eigen plot follows the two axes of a slice.</source>
        <translation>特征方向图只适用于切片的两个轴。</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/panel.py" line="495"/>
        <source>Regime marks unavailable: %1</source>
        <translation>无法给出学习率区间标记：%1</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/axes_choice.py" line="50"/>
        <source>the two axes must be different parameters, got %1 twice</source>
        <translation>两个坐标轴必须是不同的参数，%1 出现了两次</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/axes_choice.py" line="54"/>
        <source>%1 is frozen, so it cannot be an axis; unfreeze it first</source>
        <translation>%1 已冻结，不能作为坐标轴；请先解冻</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/axes_choice.py" line="59"/>
        <source>Axes refused: %1</source>
        <translation>无法使用这两个坐标轴：%1</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/axes_choice.py" line="91"/>
        <source>Surface: the previous frozen set is restored</source>
        <translation>损失曲面：已恢复之前的冻结设置</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/axes_choice.py" line="104"/>
        <source>Surface: only %1 train now; the path lies on the surface</source>
        <translation>损失曲面：现在只有 %1 参与训练；路径落在曲面上</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/axes_choice.py" line="117"/>
        <source>%1 is now frozen: the path no longer moves along it</source>
        <translation>%1 现已冻结：路径不再沿它移动</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/pointer.py" line="45"/>
        <source>Surface: in the plane of the trajectory a point stands for every parameter; choose a slice to put the point somewhere by hand</source>
        <translation>损失曲面：在轨迹平面上，一个点代表所有参数；请选择切片后再手动放置当前点</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/range_choice.py" line="44"/>
        <source>direction 1</source>
        <translation>方向 1</translation>
    </message>
</context>
<context>
    <name>SweepDialog</name>
    <message>
        <location filename="../../nnviz/gui/dialogs/sweep_dialog.py" line="41"/>
        <source>Learning-rate sweep</source>
        <translation>学习率扫描</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/sweep_dialog.py" line="62"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/sweep_dialog.py" line="64"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/sweep_dialog.py" line="66"/>
        <source>Use best</source>
        <translation>采用最佳</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/sweep_dialog.py" line="68"/>
        <source>Set the learning rate (and the slider) to the best rate found</source>
        <translation>把学习率（和滑块）设为找到的最佳学习率</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/sweep_dialog.py" line="69"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/sweep_dialog.py" line="75"/>
        <source>From the current state: N iterations at each rate, on copies of the network.</source>
        <translation>从当前状态出发：每个学习率在网络的副本上运行 N 次迭代。</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/sweep_dialog.py" line="88"/>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/sweep_dialog.py" line="89"/>
        <source>final loss</source>
        <translation>最终损失</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/sweep_dialog.py" line="91"/>
        <source>iteration</source>
        <translation>迭代</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/sweep_dialog.py" line="92"/>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/sweep_dialog.py" line="111"/>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/sweep_dialog.py" line="113"/>
        <source>count</source>
        <translation>个数</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/sweep_dialog.py" line="116"/>
        <source>Learning rates</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/sweep_dialog.py" line="120"/>
        <source>Iterations each</source>
        <translation>每个的迭代次数</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/sweep_dialog.py" line="132"/>
        <source>Top: the loss after the iterations at each rate (○ converging, ◇ zigzag, △ oscillating, × diverged), the best starred, the current rate dashed. Bottom: the loss per iteration, dark for small rates to yellow for large, the best in magenta.</source>
        <translation>上图：每个学习率迭代之后的损失（○ 收敛，◇ 之字形收敛，△ 震荡，× 发散），最佳的标星，当前学习率为虚线。下图：每次迭代的损失，学习率小的颜色深、大的偏黄，最佳的为品红色。</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/sweep_dialog.py" line="165"/>
        <source>The rates need two positive numbers, the first smaller.</source>
        <translation>学习率范围需要两个正数，前一个较小。</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/sweep_dialog.py" line="169"/>
        <source>The run has diverged: step back or reset before a sweep.</source>
        <translation>运行已发散：扫描前请后退一步或重置。</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/sweep_dialog.py" line="181"/>
        <source>Running %1 rates × %2 iterations from iteration %3…</source>
        <translation>正在运行 %1 个学习率 × %2 次迭代，从第 %3 次迭代开始…</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/sweep_dialog.py" line="192"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/sweep_dialog.py" line="205"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/sweep_dialog.py" line="206"/>
        <source>The sweep failed: %1</source>
        <translation>扫描失败：%1</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/sweep_dialog.py" line="217"/>
        <source>Best rate %1: loss %2 after %3 iterations (%4 rates in %5 s).</source>
        <translation>最佳学习率 %1：%3 次迭代后损失为 %2（%4 个学习率，用时 %5 秒）。</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/sweep_dialog.py" line="228"/>
        <source>Learning rate set to %1, the best of the sweep</source>
        <translation>学习率已设为 %1，即扫描的最佳值</translation>
    </message>
</context>
<context>
    <name>Trainer</name>
    <message>
        <location filename="../../nnviz/core/history.py" line="122"/>
        <source>nothing to step back to: this is the start of the kept history (the last %1 micro-steps are kept)</source>
        <translation>无法再后退：这里是保留的历史的开头（只保留最近 %1 个微步）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/core/history.py" line="124"/>
        <source>can step back at most %n micro-steps</source>
        <translation>
            <numerusform>最多只能后退 %n 个微步</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../nnviz/core/trainer.py" line="52"/>
        <source>net inputs</source>
        <translation>净输入</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/trainer.py" line="52"/>
        <source>gradients</source>
        <translation>梯度</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/trainer.py" line="53"/>
        <source>parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/trainer.py" line="53"/>
        <source>optimizer state</source>
        <translation>优化器状态</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/trainer.py" line="63"/>
        <source>the loss exploded to %1</source>
        <translation>损失暴增到 %1</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/trainer.py" line="65"/>
        <source>the loss is not a number any more</source>
        <translation>损失不再是一个数</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/trainer.py" line="67"/>
        <source>the loss on the check set is not a number any more</source>
        <translation>检验集上的损失不再是一个数</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/trainer.py" line="70"/>
        <source>the %1 of layer %2 stopped being finite</source>
        <translation>第 %2 层的%1不再是有限数</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/trainer.py" line="71"/>
        <source>%1 at iteration %2</source>
        <translation>第 %2 次迭代时%1</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/trainer.py" line="229"/>
        <source>%1; the update of iteration %2 that caused it is undone</source>
        <translation>%1；造成它的第 %2 次迭代的更新已撤销</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/trainer.py" line="267"/>
        <source>%1; lower the learning rate (or change another setting), step back or reset first</source>
        <translation>%1；请先降低学习率（或修改其他设置）、后退一步或重置</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/trainer_state.py" line="62"/>
        <source>the data has %1 input columns but the network has %2 inputs</source>
        <translation>数据有 %1 个输入列，网络却有 %2 个输入</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/trainer_state.py" line="65"/>
        <source>the data has %1 target columns but the network has %2 outputs</source>
        <translation>数据有 %1 个目标列，网络却有 %2 个输出</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/trainer_state.py" line="427"/>
        <source>%1: a parameter must be a finite number, got %2</source>
        <translation>%1：参数须为有限数，实际为 %2</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <location filename="../../nnviz/gui/panels/training_panel.py" line="111"/>
        <source>How a gradient becomes a step</source>
        <translation>梯度如何变成一步</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/training_panel.py" line="130"/>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/training_panel.py" line="133"/>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/training_panel.py" line="146"/>
        <source>Samples per update: all of them, one at a time, or N</source>
        <translation>每次更新用的样本：全部、每次一个，或 N 个</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/training_panel.py" line="150"/>
        <source>Samples in one mini-batch</source>
        <translation>一个小批量中的样本数</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/training_panel.py" line="153"/>
        <source>Shuffle</source>
        <translation>打乱顺序</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/training_panel.py" line="154"/>
        <source>Draw the samples in a new random order every epoch</source>
        <translation>每一轮都按新的随机顺序取样本</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/training_panel.py" line="162"/>
        <source>What the network minimises</source>
        <translation>网络要最小化的量</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/training_panel.py" line="165"/>
        <source>Chain rule: the exact gradient. Proportional split: each neuron&apos;s error shared among its inputs in proportion to the weights (not a gradient)</source>
        <translation>链式法则：精确的梯度。按比例分配：每个神经元的误差按权重的比例分给它的输入（不是梯度）</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/training_panel.py" line="167"/>
        <source>Freeze all biases</source>
        <translation>冻结所有偏置</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/training_panel.py" line="168"/>
        <source>Train the weights only; the biases keep their values</source>
        <translation>只训练权重；偏置保持原值</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/training_panel.py" line="170"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/training_panel.py" line="173"/>
        <source>Batch</source>
        <translation>批量</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/training_panel.py" line="175"/>
        <source>Loss</source>
        <translation>损失函数</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/training_panel.py" line="176"/>
        <source>Backprop</source>
        <translation>反向传播方式</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/training_panel.py" line="180"/>
        <source>Loss below</source>
        <translation>损失低于</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/training_panel.py" line="181"/>
        <source>Play stops when the loss of an iteration falls below this</source>
        <translation>某次迭代的损失低于此值时，播放停止</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/training_panel.py" line="184"/>
        <source>Iterations</source>
        <translation>迭代次数</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/training_panel.py" line="185"/>
        <source>Play stops when the iteration counter reaches this</source>
        <translation>迭代计数达到此值时，播放停止</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/training_panel.py" line="191"/>
        <source>Play stops at</source>
        <translation>播放停止条件</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/training_panel.py" line="198"/>
        <source>Zeros</source>
        <translation>全零</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/training_panel.py" line="199"/>
        <source>Start again with every weight and bias 0</source>
        <translation>所有权重和偏置都设为 0，重新开始</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/training_panel.py" line="200"/>
        <source>Large</source>
        <translation>大权重</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/training_panel.py" line="201"/>
        <source>Start again with weights and biases uniform in [-10, 10]</source>
        <translation>权重和偏置在 [-10, 10] 中均匀取值，重新开始</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/training_panel.py" line="202"/>
        <source>Restore</source>
        <translation>还原</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/training_panel.py" line="203"/>
        <source>Start again from the initial weights used before the lesson</source>
        <translation>从演示之前的初始权重重新开始</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/training_panel.py" line="210"/>
        <source>Initialisation lessons</source>
        <translation>初始化演示</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/training_panel.py" line="222"/>
        <source>Learning-rate sweep…</source>
        <translation>学习率扫描…</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/training_panel.py" line="223"/>
        <source>Train copies at many learning rates from here and pick the best (its result sets the learning rate with one click)</source>
        <translation>从这里以许多学习率分别训练副本，并挑出最好的（一键即可采用它的学习率）</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/training_panel.py" line="227"/>
        <source>Learning-rate lessons</source>
        <translation>学习率演示</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/training_panel.py" line="337"/>
        <source>%1; the output layer is %2</source>
        <translation>%1；当前输出层是 %2</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/training_panel.py" line="415"/>
        <source>How the applied learning rate follows the iteration count t</source>
        <translation>实际使用的学习率如何随迭代次数 t 变化</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/training_panel.py" line="416"/>
        <source>Rate schedule</source>
        <translation>学习率调度</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/training_panel.py" line="428"/>
        <source> iterations</source>
        <translation> 次迭代</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/training_panel.py" line="26"/>
        <source>Momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/training_panel.py" line="28"/>
        <source>Momentum: v = momentum·v + g, step = rate·v (0 is plain SGD)</source>
        <translation>动量：v = 动量·v + g，步长 = 学习率·v（0 即普通 SGD）</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/training_panel.py" line="29"/>
        <source>Adam β₁: decay of the running mean of the gradient</source>
        <translation>Adam β₁：梯度滑动平均的衰减率</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/training_panel.py" line="30"/>
        <source>Adam β₂: decay of the running mean of the squared gradient</source>
        <translation>Adam β₂：梯度平方滑动平均的衰减率</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/training_panel.py" line="31"/>
        <source>ε: added to the square root in the denominator, so it never divides by 0</source>
        <translation>ε：加在分母的平方根上，避免除以 0</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/training_panel.py" line="33"/>
        <source>Full batch</source>
        <translation>全批量</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/training_panel.py" line="33"/>
        <source>Online (one sample)</source>
        <translation>在线（每次一个样本）</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/training_panel.py" line="34"/>
        <source>Mini-batch</source>
        <translation>小批量</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/training_panel.py" line="35"/>
        <source>½ sum of squares</source>
        <translation>½ 平方和</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/training_panel.py" line="35"/>
        <source>Mean squared error</source>
        <translation>均方误差</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/training_panel.py" line="36"/>
        <source>Cross-entropy</source>
        <translation>交叉熵</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/training_panel.py" line="37"/>
        <source>Chain rule</source>
        <translation>链式法则</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/training_panel.py" line="37"/>
        <source>Proportional split</source>
        <translation>按比例分配</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/training_panel.py" line="39"/>
        <source>Every</source>
        <translation>每隔</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/training_panel.py" line="40"/>
        <source>Step decay: multiply the rate by γ every N iterations</source>
        <translation>阶梯衰减：每 N 次迭代把学习率乘以 γ</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/training_panel.py" line="42"/>
        <source>Step decay: the factor every N iterations; exponential: rate·γ^t</source>
        <translation>阶梯衰减：每 N 次迭代乘上的因子；指数衰减：学习率·γ^t</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/training_panel.py" line="43"/>
        <source>Decay</source>
        <translation>衰减</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/training_panel.py" line="43"/>
        <source>1/t: rate / (1 + decay·t)</source>
        <translation>1/t：学习率 / (1 + 衰减·t)</translation>
    </message>
</context>
<context>
    <name>WeightsError</name>
    <message>
        <location filename="../../nnviz/io/weights.py" line="75"/>
        <source>%1: expected a .npz file or a PyTorch state dict (.pt, .pth)</source>
        <translation>%1：应为 .npz 文件或 PyTorch 状态字典（.pt、.pth）</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/weights.py" line="87"/>
        <source>%1: not a valid .npz file (not a zip archive of arrays)</source>
        <translation>%1：不是有效的 .npz 文件（不是数组的 zip 压缩包）</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/weights.py" line="97"/>
        <source>%1: holds Python objects, not plain arrays (nnviz never unpickles them)</source>
        <translation>%1：含有 Python 对象而不是普通数组（nnviz 从不对它们做反序列化）</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/weights.py" line="99"/>
        <source>%1: not a valid .npz file (%2)</source>
        <translation>%1：不是有效的 .npz 文件（%2）</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/weights.py" line="101"/>
        <source>%1: not a valid .npz file (truncated or damaged: %2)</source>
        <translation>%1：不是有效的 .npz 文件（被截断或已损坏：%2）</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/weights.py" line="108"/>
        <source>%1: unexpected array %2 (expected W1, b1, W2, b2, ... and optionally activations)</source>
        <translation>%1：意外的数组 %2（应为 W1, b1, W2, b2, ...，可另加 activations）</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/weights.py" line="113"/>
        <source>%1: no weights (expected arrays W1, b1, W2, b2, ...)</source>
        <translation>%1：没有权重（应有数组 W1, b1, W2, b2, ...）</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/weights.py" line="117"/>
        <source>%1: %2%3 is missing (expected W1, b1, ..., W%4, b%5)</source>
        <translation>%1：缺少 %2%3（应为 W1, b1, ..., W%4, b%5）</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/weights.py" line="122"/>
        <source>%1: activations: expected a list of names, got an array of %2 with shape %3</source>
        <translation>%1：activations：应为名称列表，实际为形状 %3 的 %2 数组</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/weights.py" line="126"/>
        <source>%1: activations: expected %2 names (one per weight layer), got %3</source>
        <translation>%1：activations：应有 %2 个名称（每个权重层一个），实际为 %3 个</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/weights.py" line="137"/>
        <source>%1: reading a PyTorch state dict needs the package torch (pip install torch), or save the weights as .npz</source>
        <translation>%1：读取 PyTorch 状态字典需要 torch 包（pip install torch），或者把权重存为 .npz</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/weights.py" line="146"/>
        <source>%1: holds more than tensors (%2); nnviz reads a state dict (torch.save(model.state_dict(), ...)) and never unpickles other objects</source>
        <translation>%1：含有张量以外的东西（%2）；nnviz 只读状态字典（torch.save(model.state_dict(), ...)），从不对其他对象做反序列化</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/weights.py" line="149"/>
        <source>%1: not a PyTorch state dict that can be read (truncated or damaged?)</source>
        <translation>%1：不是可读取的 PyTorch 状态字典（被截断或已损坏？）</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/weights.py" line="152"/>
        <source>%1: expected a state dict (names -&gt; tensors), got %2</source>
        <translation>%1：应为状态字典（名称 -&gt; 张量），实际为 %2</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/weights.py" line="158"/>
        <source>%1: %2 is not the weight or bias of a Linear layer (nnviz reads an nn.Sequential of nn.Linear layers)</source>
        <translation>%1：%2 不是 Linear 层的权重或偏置（nnviz 读取由 nn.Linear 层组成的 nn.Sequential）</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/weights.py" line="163"/>
        <source>%1: %2 has no bias (nnviz layers have one; use nn.Linear(..., bias=True))</source>
        <translation>%1：%2 没有偏置（nnviz 的层都有偏置；请用 nn.Linear(..., bias=True)）</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/weights.py" line="166"/>
        <source>%1: %2 has a bias but no weight</source>
        <translation>%1：%2 有偏置但没有权重</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/weights.py" line="181"/>
        <source>%1: %2: .npy format version %3 is not read (1.0 or 2.0)</source>
        <translation>%1：%2：不读取 .npy 格式版本 %3（只读 1.0 或 2.0）</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/weights.py" line="186"/>
        <source>%1: %2 has shape %3: %4 MiB is over the limit of %5 MiB</source>
        <translation>%1：%2 的形状为 %3：%4 MiB 超过了 %5 MiB 的上限</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/weights.py" line="224"/>
        <source>%1: %2: expected numbers, got %3</source>
        <translation>%1：%2：应为数，实际为 %3</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/weights.py" line="226"/>
        <source>%1: %2: expected a matrix (n_out, n_in), got shape %3</source>
        <translation>%1：%2：应为矩阵 (n_out, n_in)，实际形状为 %3</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/weights.py" line="229"/>
        <source>%1: %2: expected shape (%3,) to match %4 %5, got %6</source>
        <translation>%1：%2：形状应为 (%3,)，与 %4 %5 相符，实际为 %6</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/weights.py" line="232"/>
        <source>%1: %2 has shape %3: %4 inputs, but layer %5 has %6 neurons (%7 %8)</source>
        <translation>%1：%2 的形状为 %3：%4 个输入，但第 %5 层有 %6 个神经元（%7 %8）</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/weights.py" line="237"/>
        <source>%1: %2: holds a number that is not finite</source>
        <translation>%1：%2：含有一个不是有限数的值</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/weights.py" line="243"/>
        <source>%1: activations: unknown activation %2 for layer %3 (expected one of %4)</source>
        <translation>%1：activations：第 %3 层的激活函数 %2 未知（应为以下之一：%4）</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/weights.py" line="259"/>
        <source>%1: expected %2 activations (one per weight layer), got %3</source>
        <translation>%1：应有 %2 个激活函数（每个权重层一个），实际为 %3 个</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/weights.py" line="263"/>
        <source>%1 input</source>
        <translation>%1 个输入</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/weights.py" line="263"/>
        <source>%1 inputs</source>
        <translation>%1 个输入</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/weights.py" line="264"/>
        <source>%1 output</source>
        <translation>%1 个输出</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/weights.py" line="264"/>
        <source>%1 outputs</source>
        <translation>%1 个输出</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/weights.py" line="266"/>
        <source>%1 input column</source>
        <translation>%1 个输入列</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/weights.py" line="266"/>
        <source>%1 input columns</source>
        <translation>%1 个输入列</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/weights.py" line="268"/>
        <source>%1 target column</source>
        <translation>%1 个目标列</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/weights.py" line="269"/>
        <source>%1 target columns</source>
        <translation>%1 个目标列</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/weights.py" line="270"/>
        <source>%1: the network has %2 and %3, the data %4 and %5</source>
        <translation>%1：网络有 %2和 %3，数据有 %4和 %5</translation>
    </message>
</context>
<context>
    <name>checks</name>
    <message>
        <location filename="../../nnviz/app/lessons/checks.py" line="101"/>
        <source>%1 · layer %2</source>
        <translation>%1 · 第 %2 层</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/checks.py" line="103"/>
        <source>Step until %1 of iteration %2 has run</source>
        <translation>单步执行，直到第 %2 次迭代的 %1 完成</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/checks.py" line="104"/>
        <source>Step until %1 has run</source>
        <translation>单步执行，直到 %1 完成</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/checks.py" line="128"/>
        <source>%1 and %2</source>
        <translation>%1，且%2</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/checks.py" line="133"/>
        <source>above %1</source>
        <translation>大于 %1</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/checks.py" line="134"/>
        <source>below %1</source>
        <translation>小于 %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/app/lessons/checks.py" line="238"/>
        <source>Set Play to stop below a loss at %n iterations</source>
        <translation>
            <numerusform>设置播放停止条件：损失低于阈值，或满 %n 次迭代</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/checks.py" line="240"/>
        <source>Set Play to stop below a loss</source>
        <translation>设置播放停止条件：损失低于阈值</translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/app/lessons/checks.py" line="241"/>
        <source>Set Play to stop at %n iterations</source>
        <translation>
            <numerusform>设置播放停止条件：满 %n 次迭代</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/checks.py" line="247"/>
        <source>normalised (min-max)</source>
        <translation>已归一化（最小-最大）</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/checks.py" line="248"/>
        <source>not normalised (min-max)</source>
        <translation>未归一化（最小-最大）</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/checks.py" line="250"/>
        <source>with a check set</source>
        <translation>带检验集</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/checks.py" line="250"/>
        <source>without a check set</source>
        <translation>不带检验集</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/checks.py" line="251"/>
        <source>Use data %1</source>
        <translation>使用%1的数据</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/checks.py" line="255"/>
        <source>Fork the run</source>
        <translation>分叉当前训练</translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/app/lessons/checks.py" line="257"/>
        <source>, and let the fork run %n iterations</source>
        <translation>
            <numerusform>，并让分叉运行 %n 次迭代</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/app/lessons/checks.py" line="268"/>
        <source>Run %n iterations</source>
        <translation>
            <numerusform>运行 %n 次迭代</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/checks.py" line="273"/>
        <source>Set the learning rate %1</source>
        <translation>把学习率设为%1</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/checks.py" line="276"/>
        <source>Set a rate below 1/λmax</source>
        <translation>把学习率设在 1/λmax 以下</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/checks.py" line="277"/>
        <source>Set a rate between 1/λmax and 2/λmax</source>
        <translation>把学习率设在 1/λmax 与 2/λmax 之间</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/checks.py" line="278"/>
        <source>Set the rate to 2/λmax</source>
        <translation>把学习率设为 2/λmax</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/checks.py" line="279"/>
        <source>Set a rate above 2/λmax</source>
        <translation>把学习率设在 2/λmax 以上</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/checks.py" line="284"/>
        <source>Let the run diverge</source>
        <translation>让训练发散</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/checks.py" line="285"/>
        <source>Keep the run from diverging</source>
        <translation>不让训练发散</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/checks.py" line="294"/>
        <source>Set %1 to %2</source>
        <translation>把 %1 设为 %2</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/checks.py" line="299"/>
        <source>Start from the %1 initialisation</source>
        <translation>从 %1 初始化开始</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/checks.py" line="302"/>
        <source>Select %1 on the canvas</source>
        <translation>在画布上选中 %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/app/lessons/checks.py" line="310"/>
        <source>Race the two backprop modes for %n iterations</source>
        <translation>
            <numerusform>让两种反向传播方式竞赛 %n 次迭代</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/checks.py" line="313"/>
        <source>Run a learning-rate sweep and use its best rate</source>
        <translation>运行一次学习率扫描，并采用其中最好的学习率</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/checks.py" line="314"/>
        <source>Run a learning-rate sweep</source>
        <translation>运行一次学习率扫描</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/checks.py" line="320"/>
        <source>Play until a stopping rule stops it</source>
        <translation>播放，直到某条停止条件让它停下</translation>
    </message>
</context>
<context>
    <name>code_export</name>
    <message>
        <location filename="../../nnviz/gui/dialogs/code_export.py" line="83"/>
        <source>Exported %1 (%2, %3 iterations from iteration %4, data in %5): run it with python %1</source>
        <translation>已导出 %1（%2，从第 %4 次迭代起 %3 次迭代，数据在 %5 中）：用 python %1 运行</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/dialogs/code_export.py" line="85"/>
        <source>Exported %1 (%2, %3 iterations from iteration %4): run it with python %1</source>
        <translation>已导出 %1（%2，从第 %4 次迭代起 %3 次迭代）：用 python %1 运行</translation>
    </message>
</context>
<context>
    <name>datasets</name>
    <message>
        <location filename="../../nnviz/core/data/datasets.py" line="295"/>
        <source>XOR of two inputs (the four corners)</source>
        <translation>两个输入的异或（四个角点）</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/data/datasets.py" line="296"/>
        <source>AND of two inputs (the four corners)</source>
        <translation>两个输入的与（四个角点）</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/data/datasets.py" line="297"/>
        <source>OR of two inputs (the four corners)</source>
        <translation>两个输入的或（四个角点）</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/data/datasets.py" line="298"/>
        <source>a disc of class 1 inside a ring of class 0</source>
        <translation>类别 0 的圆环包围类别 1 的圆盘</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/data/datasets.py" line="299"/>
        <source>two interleaving half circles</source>
        <translation>两个交错的半圆</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/data/datasets.py" line="300"/>
        <source>interleaved spiral arms</source>
        <translation>交错的螺旋臂</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/data/datasets.py" line="301"/>
        <source>Gaussian blobs, one per class</source>
        <translation>高斯团，每类一个</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/data/datasets.py" line="302"/>
        <source>y = sin(x) on [-pi, pi]</source>
        <translation>y = sin(x)，x 在 [-pi, pi] 上</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/data/datasets.py" line="303"/>
        <source>z = a x + b y + c</source>
        <translation>z = a x + b y + c</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/data/datasets.py" line="305"/>
        <source>rent from floor area (10-60 m²) and metro distance (0.1-0.9 km): inputs of very different sizes</source>
        <translation>由面积（10-60 m²）和到地铁的距离（0.1-0.9 km）预测租金：输入的数量级相差很大</translation>
    </message>
</context>
<context>
    <name>delimited</name>
    <message>
        <location filename="../../nnviz/io/delimited.py" line="86"/>
        <source>unknown delimiter %1; expected one of %2 or &apos;auto&apos;</source>
        <translation>未知的分隔符 %1；应为 %2 之一或 &apos;auto&apos;</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/delimited.py" line="89"/>
        <source>unknown decimal mark %1; expected &apos;.&apos;, &apos;,&apos; or &apos;auto&apos;</source>
        <translation>未知的小数点符号 %1；应为 &apos;.&apos;、&apos;,&apos; 或 &apos;auto&apos;</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/delimited.py" line="91"/>
        <source>a comma cannot be both the delimiter and the decimal mark</source>
        <translation>逗号不能既作分隔符又作小数点</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/delimited.py" line="120"/>
        <source>%1 is too large for a float</source>
        <translation>%1 太大，浮点数放不下</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/delimited.py" line="123"/>
        <source>%1 is not a finite number</source>
        <translation>%1 不是有限数</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/delimited.py" line="125"/>
        <source>empty cell (expected a number)</source>
        <translation>空单元格（应为数）</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/delimited.py" line="128"/>
        <source>%1 is not a number with the decimal mark %2</source>
        <translation>按小数点符号 %2，%1 不是数</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/delimited.py" line="129"/>
        <source>%1 is not a number</source>
        <translation>%1 不是数</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/delimited.py" line="160"/>
        <source>not a text file (a NUL character)</source>
        <translation>不是文本文件（有 NUL 字符）</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/delimited.py" line="167"/>
        <source>a quoted cell is not closed (its closing &quot; is missing)</source>
        <translation>一个带引号的单元格没有闭合（缺少结尾的 &quot;）</translation>
    </message>
</context>
<context>
    <name>docks</name>
    <message>
        <location filename="../../nnviz/gui/docks.py" line="27"/>
        <source>Controls</source>
        <translation>控制</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/docks.py" line="27"/>
        <source>Equation inspector</source>
        <translation>公式检查器</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/docks.py" line="28"/>
        <source>Loss curve</source>
        <translation>损失曲线</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/docks.py" line="28"/>
        <source>Loss surface</source>
        <translation>损失曲面</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/docks.py" line="29"/>
        <source>Training options</source>
        <translation>训练选项</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/docks.py" line="29"/>
        <source>Decision boundary</source>
        <translation>决策边界</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/docks.py" line="30"/>
        <source>Chain rule vs. proportional split</source>
        <translation>链式法则与按比例分配对比</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/docks.py" line="30"/>
        <source>Computational graph</source>
        <translation>计算图</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/docks.py" line="31"/>
        <source>Confusion matrix</source>
        <translation>混淆矩阵</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/docks.py" line="31"/>
        <source>Lessons</source>
        <translation>课程</translation>
    </message>
</context>
<context>
    <name>drawing</name>
    <message>
        <location filename="../../nnviz/gui/panels/graph/drawing.py" line="279"/>
        <source>cannot export the graph to %1: the file name must end in .svg or .png</source>
        <translation>无法把计算图导出到 %1：文件名必须以 .svg 或 .png 结尾</translation>
    </message>
</context>
<context>
    <name>explain</name>
    <message numerus="yes">
        <location filename="../../nnviz/core/analysis/explain.py" line="130"/>
        <source>… (%n more)</source>
        <translation>
            <numerusform>…（另 %n 项）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../nnviz/core/analysis/explain.py" line="168"/>
        <source>sample %1 of %2 (data row %3):</source>
        <translation>第 %1 个样本，共 %2 个（数据第 %3 行）：</translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/core/analysis/explain.py" line="260"/>
        <source>E = mean over the %n samples = (%1)/%n = %2</source>
        <translation>
            <numerusform>E = %n 个样本的平均 = (%1)/%n = %2</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../nnviz/core/analysis/explain.py" line="286"/>
        <source>(cross-entropy with %1: f&apos; cancels)</source>
        <translation>（交叉熵配合 %1：f&apos; 被约去）</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/analysis/explain.py" line="365"/>
        <source>mean over samples of %1</source>
        <translation>各样本的 %1 的平均</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/analysis/explain.py" line="410"/>
        <source>%1 is frozen: stays %2</source>
        <translation>%1 已冻结：保持 %2</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/analysis/explain.py" line="453"/>
        <source>chain rule</source>
        <translation>链式法则</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/analysis/explain.py" line="453"/>
        <source>proportional error split</source>
        <translation>按权重比例分配误差</translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/core/analysis/explain.py" line="454"/>
        <source>== iteration %1 · %2 of %n samples · learning rate %3 · %4 · %5 · %6 ==</source>
        <translation>
            <numerusform>== 第 %1 次迭代 · %n 个样本中的 %2 个 · 学习率 %3 · %4 · %5 · %6 ==</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../nnviz/core/analysis/explain.py" line="460"/>
        <source>stopped: %1</source>
        <translation>已停止：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/core/analysis/explain.py" line="469"/>
        <source>… and %1 more samples</source>
        <translation>
            <numerusform>… 另有 %1 个样本</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../nnviz/core/analysis/explain.py" line="472"/>
        <source>iteration %1 done: loss (forward pass) %2, loss now %3</source>
        <translation>第 %1 次迭代完成：损失（前向传播）%2，当前损失 %3</translation>
    </message>
</context>
<context>
    <name>export</name>
    <message>
        <location filename="../../nnviz/gui/canvas/export.py" line="35"/>
        <source>cannot export to %1: the name must end in %2 (got &apos;.%3&apos;)</source>
        <translation>无法导出到 %1：文件名必须以 %2 结尾（实际为“.%3”）</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/canvas/export.py" line="37"/>
        <source>cannot export to %1: the name must end in %2 (got no ending)</source>
        <translation>无法导出到 %1：文件名必须以 %2 结尾（实际没有扩展名）</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/canvas/export.py" line="50"/>
        <source>image size must be positive, got %1 x %2</source>
        <translation>图像尺寸必须为正，实际为 %1 x %2</translation>
    </message>
</context>
<context>
    <name>figure</name>
    <message>
        <location filename="../../nnviz/gui/panels/surface/figure.py" line="91"/>
        <location filename="../../nnviz/gui/panels/surface/figure.py" line="111"/>
        <source>%1: the loss over %2 and %3 at iteration %4</source>
        <translation>%1：第 %4 次迭代时 %2 和 %3 上的损失</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/figure.py" line="102"/>
        <source>there is no loss surface to export yet</source>
        <translation>还没有可导出的损失曲面</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/figure.py" line="108"/>
        <source>%1: the loss over the plane of the trajectory at iteration %2</source>
        <translation>%1：第 %2 次迭代时轨迹平面上的损失</translation>
    </message>
</context>
<context>
    <name>first_contact</name>
    <message>
        <location filename="../../nnviz/gui/panels/surface/first_contact.py" line="43"/>
        <source>No rate on the slider makes this network zig-zag: its loss does not curve upwards here.</source>
        <translation>滑块上没有哪个学习率能让这个网络之字形来回：它的损失在这里不向上弯曲。</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/first_contact.py" line="46"/>
        <source>No rate on the slider makes this network oscillate: it would zig-zag from %1 and diverge from %2, past the slider&apos;s end.</source>
        <translation>滑块上没有哪个学习率能让这个网络震荡：它要到 %1 才开始之字形来回、到 %2 才发散，都超出了滑块的范围。</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/first_contact.py" line="49"/>
        <source>Open the %1 bowl at rate %2</source>
        <translation>以学习率 %2 打开 %1 碗形曲面</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/first_contact.py" line="50"/>
        <source>%1, just below its zig-zag mark, and drag the slider across its marks.</source>
        <translation>%1（刚好低于其之字形标记），再把滑块拖过各个标记。</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/first_contact.py" line="52"/>
        <source>%1 %2</source>
        <translation>%1%2</translation>
    </message>
</context>
<context>
    <name>format</name>
    <message>
        <location filename="../../nnviz/app/lessons/format.py" line="102"/>
        <source>%1; %2</source>
        <translation>%1；%2</translation>
    </message>
</context>
<context>
    <name>gradient_check</name>
    <message>
        <location filename="../../nnviz/gui/panels/gradient_check.py" line="30"/>
        <source>Relative difference %1 (same sign).</source>
        <translation>相对差 %1（符号相同）。</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/gradient_check.py" line="31"/>
        <source>Relative difference %1: they point in opposite directions.</source>
        <translation>相对差 %1：二者方向相反。</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/gradient_check.py" line="32"/>
        <source>&lt;b&gt;Proportional mode: the split error is not a gradient.&lt;/b&gt; The update uses g&lt;sub&gt;%1&lt;/sub&gt; = −e·f′·input = &lt;b&gt;%2&lt;/b&gt;, a heuristic direction.&lt;br&gt;The true gradient ∂E/∂%3, by finite differences: %4&lt;br&gt;%5</source>
        <translation>&lt;b&gt;按比例分配方式：分得的误差不是梯度。&lt;/b&gt;更新使用 g&lt;sub&gt;%1&lt;/sub&gt; = −e·f′·输入 = &lt;b&gt;%2&lt;/b&gt;，这是一个经验方向。&lt;br&gt;用有限差分求真正的梯度 ∂E/∂%3：%4&lt;br&gt;%5</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/gradient_check.py" line="40"/>
        <source>✓ they agree: the chain rule gives the true gradient.</source>
        <translation>✓ 二者一致：链式法则给出的正是真正的梯度。</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/gradient_check.py" line="42"/>
        <source>✗ they differ — a relu input near 0 makes the loss kinked there, so the difference quotient jumps.</source>
        <translation>✗ 二者不同 — relu 的输入接近 0，损失在那里有折点，所以差商会跳变。</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/gradient_check.py" line="45"/>
        <source>✗ they differ.</source>
        <translation>✗ 二者不同。</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/gradient_check.py" line="46"/>
        <source>&lt;b&gt;Gradient check&lt;/b&gt; of %1 — finite difference: %2&lt;br&gt;Backpropagation: ∂E/∂%1 = &lt;b&gt;%3&lt;/b&gt; · relative difference %4&lt;br&gt;%5</source>
        <translation>&lt;b&gt;梯度检验&lt;/b&gt;：%1 — 有限差分：%2&lt;br&gt;反向传播：∂E/∂%1 = &lt;b&gt;%3&lt;/b&gt; · 相对差 %4&lt;br&gt;%5</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/gradient_check.py" line="56"/>
        <source>Note: at these parameters E = %1, but this iteration&apos;s forward pass computed E = %2: a parameter or the loss setting changed since, so backpropagation&apos;s value belongs to another function.</source>
        <translation>注意：在这些参数下 E = %1，但本次迭代的前向传播算出的是 E = %2：此后某个参数或损失函数设置改变了，所以反向传播的值属于另一个函数。</translation>
    </message>
</context>
<context>
    <name>graph</name>
    <message>
        <location filename="../../nnviz/core/analysis/graph.py" line="48"/>
        <source>forward</source>
        <translation>前向传播</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/analysis/graph.py" line="48"/>
        <source>backward</source>
        <translation>反向传播</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/analysis/graph.py" line="48"/>
        <source>update</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/analysis/graph.py" line="223"/>
        <source>Computational graph of %1: the chain rule</source>
        <translation>%1 的计算图：链式法则</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/analysis/graph.py" line="225"/>
        <source>Computational graph of %1: the proportional split (not a gradient)</source>
        <translation>%1 的计算图：按权重比例分配误差（不是梯度）</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/analysis/graph.py" line="233"/>
        <source>iteration %1 · end of the %2 phase</source>
        <translation>第 %1 次迭代 · %2阶段结束</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/analysis/graph.py" line="235"/>
        <source>iteration %1 done</source>
        <translation>第 %1 次迭代完成</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/analysis/graph.py" line="236"/>
        <source>before the first step</source>
        <translation>尚未迈出第一步</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/analysis/graph.py" line="238"/>
        <source>iteration %1 · after %2</source>
        <translation>第 %1 次迭代 · %2 之后</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/analysis/graph.py" line="241"/>
        <source>sample %1 of %2 (data row %3)</source>
        <translation>第 %1 个样本，共 %2 个（数据第 %3 行）</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/analysis/graph.py" line="249"/>
        <source>update (%1)</source>
        <translation>更新（%1）</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/analysis/graph.py" line="250"/>
        <source>frozen parameter</source>
        <translation>冻结的参数</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/analysis/graph.py" line="250"/>
        <source>parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/analysis/graph.py" line="259"/>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/analysis/graph.py" line="259"/>
        <source>activation</source>
        <translation>激活值</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/analysis/graph.py" line="262"/>
        <source>product</source>
        <translation>乘积</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/analysis/graph.py" line="270"/>
        <source>other samples</source>
        <translation>其余样本</translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/core/analysis/graph.py" line="271"/>
        <source>%n more in the batch</source>
        <translation>
            <numerusform>批量中另有 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../nnviz/core/analysis/graph.py" line="273"/>
        <source>(other samples&apos; %1)</source>
        <translation>（其余样本的 %1）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/core/analysis/graph.py" line="274"/>
        <source>One sample&apos;s paths are drawn; the other %n samples of the batch add their share at the parameter, and E is the mean over the %1 samples.</source>
        <translation>
            <numerusform>图中只画出一个样本的路径；批量中其余 %n 个样本在参数处加上各自的份额，E 是 %1 个样本的平均。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../nnviz/core/analysis/graph.py" line="295"/>
        <location filename="../../nnviz/core/analysis/graph.py" line="327"/>
        <source>rest of layer %1</source>
        <translation>第 %1 层其余神经元</translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/core/analysis/graph.py" line="296"/>
        <source>%n more neurons</source>
        <translation>
            <numerusform>另有 %n 个神经元</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/core/analysis/graph.py" line="297"/>
        <source>Rest of layer %1: %n neurons drawn as one node with their summed contribution (click it to show more).</source>
        <translation>
            <numerusform>第 %1 层其余神经元：%n 个神经元画成一个节点，显示它们贡献之和（点击它可显示更多）。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../nnviz/core/analysis/graph.py" line="326"/>
        <source>rest: Σ %1</source>
        <translation>其余：Σ %1</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/analysis/graph.py" line="336"/>
        <location filename="../../nnviz/core/analysis/graph.py" line="356"/>
        <source>cross-entropy</source>
        <translation>交叉熵</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/analysis/graph.py" line="344"/>
        <source>Softmax and cross-entropy as one node: the softmax&apos;s Jacobian and the log&apos;s 1/p cancel, so its local derivative is simply p − t (and stays finite where p rounds to 0 or 1).</source>
        <translation>softmax 与交叉熵合为一个节点：softmax 的雅可比矩阵与对数的 1/p 相互约去，所以它的局部梯度就是 p − t（p 舍入为 0 或 1 时也保持有限）。</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/analysis/graph.py" line="347"/>
        <source>Softmax couples the outputs, so softmax and the loss are one node whose local derivative is the output delta p_k(dE/dp_k − Σ_j p_j dE/dp_j).</source>
        <translation>softmax 把各个输出耦合在一起，所以 softmax 与损失合为一个节点，它的局部梯度是输出的 δ：p_k(dE/dp_k − Σ_j p_j dE/dp_j)。</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/analysis/graph.py" line="371"/>
        <source>Sigmoid and cross-entropy as one node: σ′ = p(1 − p) cancels the loss&apos;s 1/(p(1 − p)), so its local derivative is simply p − t.</source>
        <translation>sigmoid 与交叉熵合为一个节点：σ′ = p(1 − p) 约去了损失中的 1/(p(1 − p))，所以它的局部梯度就是 p − t。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/core/analysis/graph.py" line="382"/>
        <source>mean over %n samples</source>
        <translation>
            <numerusform>%n 个样本的平均</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../nnviz/core/analysis/graph.py" line="386"/>
        <source>Each edge label: the local derivative, then × the upstream gradient = the downstream gradient, which flows back to the node on the left; where several paths leave a node, their downstream gradients add up.</source>
        <translation>每条边的标注：局部梯度，然后 × 上游梯度 = 下游梯度，下游梯度流回左边的节点；从一个节点出发有几条路径时，它们的下游梯度相加。</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/analysis/graph.py" line="390"/>
        <source>Proportional split, a heuristic and not a gradient: the output error e = t − out is shared back in proportion to the weights, e_j = Σ_k e_k·w_kj/Σ_i|w_ki|; the edges carry shares of the error, not derivatives, and g is not dE/dw.</source>
        <translation>按权重比例分配误差是一种经验做法，不是梯度：输出误差 e = t − out 按权重的比例往回分配，e_j = Σ_k e_k·w_kj/Σ_i|w_ki|；边上传递的是误差的份额而不是导数，g 也不是 dE/dw。</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/analysis/graph.py" line="554"/>
        <source>this sample + others</source>
        <translation>本样本 + 其余样本</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/analysis/graph.py" line="570"/>
        <source>%1 is frozen</source>
        <translation>%1 已冻结</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/analysis/graph.py" line="571"/>
        <source>stays %1</source>
        <translation>保持 %1</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/analysis/graph_model.py" line="109"/>
        <source>%1: not reached yet</source>
        <translation>%1：反向传播尚未到达</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/analysis/graph_model.py" line="112"/>
        <source>the start of the backward pass</source>
        <translation>反向传播的起点</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/analysis/graph_model.py" line="113"/>
        <source>the output error t − out</source>
        <translation>输出误差 t − out</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/analysis/graph_model.py" line="114"/>
        <source>%1 = %2 (%3)</source>
        <translation>%1 = %2（%3）</translation>
    </message>
</context>
<context>
    <name>grids</name>
    <message>
        <location filename="../../nnviz/gui/panels/surface/grids.py" line="42"/>
        <source>the %1 range %2</source>
        <translation>%1 范围 %2</translation>
    </message>
</context>
<context>
    <name>look_ahead</name>
    <message>
        <location filename="../../nnviz/gui/panels/surface/look_ahead.py" line="32"/>
        <source>not finite</source>
        <translation>非有限值</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/look_ahead.py" line="37"/>
        <source>At rate %1: %2 · loss after %3 steps %4</source>
        <translation>学习率 %1：%2 · %3 步后损失 %4</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/look_ahead.py" line="46"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/look_ahead.py" line="47"/>
        <source>zig-zag from %1, diverges from %2</source>
        <translation>从 %1 起之字形来回，从 %2 起发散</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/look_ahead.py" line="49"/>
        <source>exact</source>
        <translation>精确</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/look_ahead.py" line="49"/>
        <source>here and now</source>
        <translation>仅限此时此处</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/look_ahead.py" line="51"/>
        <source>every parameter that trains</source>
        <translation>所有参与训练的参数</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/look_ahead.py" line="52"/>
        <source>Marks over %1: %2 (%3)</source>
        <translation>%1 上的标记：%2（%3）</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/look_ahead.py" line="54"/>
        <source>Marks over %1: %2; over every parameter that trains (the slider&apos;s): %3 (%4)</source>
        <translation>%1 上的标记：%2；所有参与训练的参数上（滑块的标记）：%3（%4）</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/look_ahead.py" line="56"/>
        <source>the same</source>
        <translation>相同</translation>
    </message>
</context>
<context>
    <name>losses</name>
    <message>
        <location filename="../../nnviz/core/losses.py" line="107"/>
        <source>loss cross_entropy needs a softmax or sigmoid output layer, got %1</source>
        <translation>损失函数 cross_entropy 需要 softmax 或 sigmoid 输出层，当前是 %1</translation>
    </message>
</context>
<context>
    <name>lr_slider</name>
    <message numerus="yes">
        <location filename="../../nnviz/gui/controls/lr_slider.py" line="68"/>
        <source>all %n parameters that train</source>
        <translation>
            <numerusform>全部 %n 个参与训练的参数</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/controls/lr_slider.py" line="75"/>
        <source>λmax = %1: the largest curvature of the loss (on all samples) over %2; %3.</source>
        <translation>λmax = %1：损失（在全部样本上）关于 %2 的最大曲率；%3。</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/controls/lr_slider.py" line="78"/>
        <source>Momentum moves the marks: by (1 + μ) from plain gradient descent&apos;s 1/λmax and 2/λmax.</source>
        <translation>动量会移动这些标记：从普通梯度下降的 1/λmax 和 2/λmax 乘以 (1 + μ)。</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/controls/lr_slider.py" line="80"/>
        <source>Zig-zag from here: %1 = %2. From this rate on each step overshoots the valley&apos;s floor along the steepest direction, so the steps flip sign; the path still converges.</source>
        <translation>从这里起之字形来回：%1 = %2。从这个学习率起，每一步都沿最陡方向越过谷底，步长方向来回变号；路径仍然收敛。</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/controls/lr_slider.py" line="83"/>
        <source>Diverges from here: %1 = %2. From this rate on each step overshoots by more than it corrects: the path swings out wider and wider and the loss grows.</source>
        <translation>从这里起发散：%1 = %2。从这个学习率起，每一步越过的比纠正的还多：路径摆动得越来越大，损失不断增大。</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/controls/lr_slider.py" line="92"/>
        <source>no regime marks for the proportional mode</source>
        <translation>按比例分配模式没有区间标记</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/controls/lr_slider.py" line="94"/>
        <source>no regime marks for %1</source>
        <translation>%1 没有区间标记</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/controls/lr_slider.py" line="96"/>
        <source>no regime marks here</source>
        <translation>这里没有区间标记</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/controls/lr_slider.py" line="97"/>
        <source>No zig-zag or divergence marks: %1</source>
        <translation>没有之字形或发散标记：%1</translation>
    </message>
</context>
<context>
    <name>painter</name>
    <message>
        <location filename="../../nnviz/gui/canvas/painter.py" line="451"/>
        <source>δ · e boxes: no room beside every neuron at this size; zoom in</source>
        <translation>δ · e 框：在此尺寸下神经元旁没有足够空间；请放大</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/canvas/painter.py" line="452"/>
        <source>thumbnails: no room beside every neuron at this size; zoom in</source>
        <translation>缩略图：在此尺寸下神经元旁没有足够空间；请放大</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/canvas/painter.py" line="457"/>
        <source>target %1</source>
        <translation>目标 %1</translation>
    </message>
</context>
<context>
    <name>pictures</name>
    <message>
        <location filename="../../nnviz/gui/widgets/pictures.py" line="21"/>
        <source>could not encode the picture as %1</source>
        <translation>无法把图片编码为 %1</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/widgets/pictures.py" line="40"/>
        <source>could not draw %1 as SVG</source>
        <translation>无法把 %1 画成 SVG</translation>
    </message>
</context>
<context>
    <name>presets</name>
    <message>
        <location filename="../../nnviz/core/presets.py" line="32"/>
        <source>2-2-2 sigmoid worked example (Mazur): inputs 0.05, 0.10 -&gt; targets 0.01, 0.99</source>
        <translation>2-2-2 sigmoid 例题（Mazur）：输入 0.05, 0.10 -&gt; 目标 0.01, 0.99</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/presets.py" line="33"/>
        <source>one linear neuron (adaptive linear unit) on 40 correlated, centred points: mse is a tilted elliptic bowl over w1, w2</source>
        <translation>一个线性神经元（自适应线性单元），40 个相关、已中心化的点：mse 在 w1, w2 上是一个倾斜的椭圆碗</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/presets.py" line="35"/>
        <source>adaline stretched into a narrow valley: curvatures 4 and 0.04 over w1, w2 (condition number 100)</source>
        <translation>拉伸成狭长山谷的 adaline：w1, w2 方向的曲率为 4 和 0.04（条件数 100）</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/presets.py" line="37"/>
        <source>2-3-1, the tutorial&apos;s error split: an output error e = 2 shared over the weights 0.58, 0.21, 0.36 gives 1.01, 0.37, 0.63 (proportional backprop)</source>
        <translation>2-3-1，教程中的误差分配：输出误差 e = 2 按权重 0.58, 0.21, 0.36 分配，得到 1.01, 0.37, 0.63（按权重比例分配误差）</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/presets.py" line="39"/>
        <source>2-4-1 network on the four XOR points: tanh hidden layer, sigmoid output; learns in about 100 iterations</source>
        <translation>异或四个点上的 2-4-1 网络：tanh 隐藏层，sigmoid 输出；约 100 次迭代学会</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/presets.py" line="41"/>
        <source>1-8-1 regression of sin(x) on [-pi, pi]: tanh hidden layer, linear output</source>
        <translation>在 [-pi, pi] 上回归 sin(x) 的 1-8-1 网络：tanh 隐藏层，线性输出</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/presets.py" line="42"/>
        <source>one linear neuron on inputs two orders of magnitude apart (area 10-60 m², metro 0.1-0.9 km): a long narrow valley until the data is normalised</source>
        <translation>一个线性神经元，输入相差两个数量级（面积 10-60 m²，地铁 0.1-0.9 km）：数据归一化之前是一条狭长的山谷</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/presets.py" line="44"/>
        <source>one sigmoid neuron saturated on the wrong side: output 0.0025 against the target 1</source>
        <translation>一个在错误一侧饱和的 sigmoid 神经元：输出 0.0025，目标为 1</translation>
    </message>
</context>
<context>
    <name>recipes</name>
    <message>
        <location filename="../../nnviz/core/recipes.py" line="83"/>
        <source>%1 is only allowed on the output layer, not layer %2</source>
        <translation>%1 只能用在输出层，不能用在第 %2 层</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/recipes.py" line="85"/>
        <source>softmax needs at least 2 outputs, the output layer has %1</source>
        <translation>softmax 至少需要 2 个输出，输出层只有 %1 个</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/recipes.py" line="93"/>
        <source>the input layer</source>
        <translation>输入层</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/recipes.py" line="94"/>
        <source>the output layer</source>
        <translation>输出层</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/recipes.py" line="94"/>
        <source>hidden layer %1</source>
        <translation>隐藏层 %1</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/recipes.py" line="103"/>
        <source>a network needs at least an input and an output layer</source>
        <translation>网络至少需要一个输入层和一个输出层</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/recipes.py" line="105"/>
        <source>at most %1 hidden layers (the limit), got %2</source>
        <translation>最多 %1 个隐藏层（上限），实际为 %2 个</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/recipes.py" line="109"/>
        <source>%1 needs at least 1 neuron, got %2</source>
        <translation>%1至少需要 1 个神经元，实际为 %2</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/recipes.py" line="111"/>
        <source>%1: at most %2 neurons (the limit), got %3</source>
        <translation>%1：最多 %2 个神经元（上限），实际为 %3</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/recipes.py" line="115"/>
        <source>%1 sample through the %2 network are %3 values a forward pass, over the limit of %4; use fewer samples or neurons</source>
        <translation>%1 个样本通过 %2 网络，一次前向传播要算 %3 个值，超过了 %4 的上限；请减少样本或神经元</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/recipes.py" line="117"/>
        <source>%1 samples through the %2 network are %3 values a forward pass, over the limit of %4; use fewer samples or neurons</source>
        <translation>%1 个样本通过 %2 网络，一次前向传播要算 %3 个值，超过了 %4 的上限；请减少样本或神经元</translation>
    </message>
</context>
<context>
    <name>recording</name>
    <message>
        <location filename="../../nnviz/gui/recording.py" line="35"/>
        <source>the network canvas</source>
        <translation>网络画布</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/recording.py" line="35"/>
        <source>the loss surface</source>
        <translation>损失曲面</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/recording.py" line="36"/>
        <source>the whole window</source>
        <translation>整个窗口</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/recording.py" line="37"/>
        <source>micro-step</source>
        <translation>微步</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/recording.py" line="37"/>
        <source>phase</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/recording.py" line="38"/>
        <source>iteration</source>
        <translation>迭代</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/recording.py" line="88"/>
        <source>Iteration %1 · %2</source>
        <translation>第 %1 次迭代 · %2</translation>
    </message>
</context>
<context>
    <name>regimes</name>
    <message>
        <location filename="../../nnviz/core/analysis/regimes.py" line="54"/>
        <source>Adagrad divides each step by the root of the gradients&apos; summed squares, so its steps do not scale with rate × curvature and shrink as it goes: no learning rate makes it zig-zag or diverge from a fixed point on.</source>
        <translation>Adagrad 把每一步除以梯度平方和的平方根，因此步长不随学习率 × 曲率变化，且越走越小：没有哪个学习率会让它从某一点起之字形来回或发散。</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/analysis/regimes.py" line="57"/>
        <source>Adam divides each step by a running root mean square of the gradient, so a step is about the learning rate long whatever the curvature: there is no rate where it starts to diverge; too large a rate makes it hover around the minimum.</source>
        <translation>Adam 把每一步除以梯度的滑动均方根，因此无论曲率如何，步长都约等于学习率：不存在使它开始发散的学习率；学习率过大时它会在最小值附近徘徊。</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/analysis/regimes.py" line="60"/>
        <source>The proportional mode&apos;s steps are not gradient steps (the output error is shared among the weights by their size), so the curvature of the loss does not tell where they zig-zag or diverge.</source>
        <translation>按比例分配模式的步子不是梯度步（输出误差按权重大小分配），因此损失的曲率不能说明它们何时之字形来回或发散。</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/analysis/regimes.py" line="173"/>
        <source>no regime marks: %1</source>
        <translation>没有区间标记：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/core/analysis/regimes.py" line="175"/>
        <source>%n parameters</source>
        <translation>
            <numerusform>%n 个参数</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../nnviz/core/analysis/regimes.py" line="176"/>
        <source>zig-zag from %1, diverges from %2 (%3, λmax = %4 over %5)</source>
        <translation>从 %1 起之字形来回，从 %2 起发散（%3，%5 上的 λmax = %4）</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/analysis/regimes.py" line="191"/>
        <source>every parameter is frozen: nothing moves</source>
        <translation>所有参数都已冻结：没有任何参数移动</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/analysis/regimes.py" line="202"/>
        <source>the loss or its gradient is not finite here</source>
        <translation>这里的损失或其梯度不是有限值</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/analysis/regimes.py" line="205"/>
        <source>the loss does not curve upwards here (λmax = %1): no rate makes the steps flip</source>
        <translation>损失在这里不向上弯曲（λmax = %1）：没有哪个学习率会让步子来回变号</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/analysis/regimes.py" line="211"/>
        <source>2(1 + μ)/λmax with μ = %1</source>
        <translation>2(1 + μ)/λmax，μ = %1</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/analysis/regimes.py" line="212"/>
        <source>exact: the loss is quadratic in these parameters</source>
        <translation>精确：损失是这些参数的二次函数</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/analysis/regimes.py" line="213"/>
        <source>at the current point: the curvature changes as the network learns</source>
        <translation>仅限当前点：曲率随网络学习而变化</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/analysis/regimes.py" line="215"/>
        <source>of the loss on all samples; each batch has a curvature of its own</source>
        <translation>针对全部样本上的损失；每个批量有各自的曲率</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/analysis/regimes.py" line="217"/>
        <source>compare them with the rate the schedule applies</source>
        <translation>请与学习率调度实际使用的学习率比较</translation>
    </message>
</context>
<context>
    <name>scene</name>
    <message>
        <location filename="../../nnviz/gui/canvas/scene.py" line="355"/>
        <source>input</source>
        <translation>输入层</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/canvas/scene.py" line="355"/>
        <source>output</source>
        <translation>输出层</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/canvas/scene.py" line="356"/>
        <source>hidden %1</source>
        <translation>隐藏层 %1</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/canvas/scene.py" line="356"/>
        <source>hidden</source>
        <translation>隐藏层</translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/gui/canvas/scene.py" line="360"/>
        <source>%n units</source>
        <translation>
            <numerusform>%n 个神经元</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/canvas/scene.py" line="429"/>
        <source>History · after iteration %1 of %2</source>
        <translation>历史 · 第 %1 / %2 次迭代之后</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/canvas/scene.py" line="430"/>
        <source>weights as they were then · neurons: forward pass of %1</source>
        <translation>当时的权重 · 神经元：%1 的前向传播</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/canvas/scene.py" line="432"/>
        <source>Ready · next: %1</source>
        <translation>就绪 · 下一步：%1</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/canvas/scene.py" line="436"/>
        <source>%1 · iteration done</source>
        <translation>%1 · 本次迭代完成</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/canvas/scene.py" line="438"/>
        <source>iteration %1 running</source>
        <translation>第 %1 次迭代进行中</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/canvas/scene.py" line="440"/>
        <source>no iteration run yet</source>
        <translation>尚未运行迭代</translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/gui/canvas/scene.py" line="441"/>
        <source>%n iterations done</source>
        <translation>
            <numerusform>已完成 %n 次迭代</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/canvas/scene.py" line="442"/>
        <source>neurons: %1</source>
        <translation>神经元：%1</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/canvas/scene.py" line="444"/>
        <source>loss %1</source>
        <translation>损失 %1</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/canvas/scene.py" line="446"/>
        <source>diverged</source>
        <translation>发散</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/canvas/scene.py" line="454"/>
        <source>sample %1 of %2</source>
        <translation>第 %1 / %2 个样本</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/canvas/scene.py" line="455"/>
        <source>sample %1 of %2 (data row %3)</source>
        <translation>第 %1 / %2 个样本（数据第 %3 行）</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/canvas/scene.py" line="468"/>
        <source>weights w, biases b</source>
        <translation>权重 w，偏置 b</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/canvas/scene.py" line="470"/>
        <source>gradients dE/dw</source>
        <translation>梯度 dE/dw</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/canvas/scene.py" line="471"/>
        <source>pseudo-gradients −e·f′·a (proportional)</source>
        <translation>伪梯度 −e·f′·a（按比例分配）</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/canvas/scene.py" line="473"/>
        <source>updates Δw = new − old</source>
        <translation>更新 Δw = 新 − 旧</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/canvas/scene.py" line="475"/>
        <source>layers %1</source>
        <translation>第 %1 层</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/canvas/scene.py" line="476"/>
        <source>layer %1</source>
        <translation>第 %1 层</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/canvas/scene.py" line="478"/>
        <source>after iteration %1</source>
        <translation>第 %1 次迭代之后</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/canvas/scene.py" line="486"/>
        <source>grey: no gradients yet in this iteration</source>
        <translation>灰色：本次迭代尚无梯度</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/canvas/scene.py" line="487"/>
        <source>grey: no updates yet in this iteration</source>
        <translation>灰色：本次迭代尚无更新</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/canvas/scene.py" line="489"/>
        <source>dense layers: the strongest %1 of %2 edges drawn; hover for any</source>
        <translation>密集层：只画出 %2 条连线中最强的 %1 条；悬停可查看任意一条</translation>
    </message>
</context>
<context>
    <name>settings</name>
    <message>
        <location filename="../../nnviz/core/activations.py" line="157"/>
        <source>unknown activation %1; expected one of %2</source>
        <translation>未知的激活函数 %1；应为以下之一：%2</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/losses.py" line="146"/>
        <source>unknown loss %1; expected one of %2</source>
        <translation>未知的损失函数 %1；应为以下之一：%2</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/optimizers.py" line="42"/>
        <source>optimizer %1: %2 must be a finite number &gt;= 0, got %3</source>
        <translation>优化器 %1：%2 须为 &gt;= 0 的有限数，实际为 %3</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/optimizers.py" line="47"/>
        <source>optimizer %1: %2 must be below 1, got %3</source>
        <translation>优化器 %1：%2 须小于 1，实际为 %3</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/optimizers.py" line="113"/>
        <source>unknown optimizer %1; expected one of %2</source>
        <translation>未知的优化器 %1；应为以下之一：%2</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/schedules.py" line="32"/>
        <source>schedule must be one of %1, got %2</source>
        <translation>学习率调度须为以下之一：%1；实际为 %2</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/schedules.py" line="36"/>
        <source>schedule step_size must be a whole number &gt;= 1, got %1</source>
        <translation>学习率调度的 step_size 须为 &gt;= 1 的整数，实际为 %1</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/schedules.py" line="39"/>
        <source>schedule gamma must be in (0, 1], got %1</source>
        <translation>学习率调度的 gamma 须在 (0, 1] 之内，实际为 %1</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/schedules.py" line="41"/>
        <source>schedule decay must be a number &gt;= 0, got %1</source>
        <translation>学习率调度的 decay 须为 &gt;= 0 的数，实际为 %1</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/state.py" line="96"/>
        <source>unknown setting %1</source>
        <translation>未知的设置 %1</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/state.py" line="100"/>
        <source>learning rate must be a positive number, got %1</source>
        <translation>学习率须为正数，实际为 %1</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/state.py" line="102"/>
        <source>optimizer must be one of %1</source>
        <translation>优化器须为以下之一：%1</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/state.py" line="105"/>
        <source>backprop must be one of %1, got %2</source>
        <translation>反向传播方式须为以下之一：%1；实际为 %2</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/state.py" line="113"/>
        <source>schedule must be one of %1</source>
        <translation>学习率调度须为以下之一：%1</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/state.py" line="211"/>
        <location filename="../../nnviz/core/state.py" line="213"/>
        <source>batch must be full, online or a number N &gt;= 1, got %1</source>
        <translation>批量须为 full、online 或 &gt;= 1 的数 N，实际为 %1</translation>
    </message>
</context>
<context>
    <name>state</name>
    <message>
        <location filename="../../nnviz/core/state.py" line="19"/>
        <source>Forward</source>
        <translation>前向传播</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/state.py" line="19"/>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/state.py" line="19"/>
        <source>Backward</source>
        <translation>反向传播</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/state.py" line="20"/>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/state.py" line="21"/>
        <source>%1 · layer %2 of %3</source>
        <translation>%1 · 第 %2 层（共 %3 层）</translation>
    </message>
</context>
<context>
    <name>summary</name>
    <message numerus="yes">
        <location filename="../../nnviz/core/analysis/summary.py" line="46"/>
        <source>kept %n frozen parameters</source>
        <translation>
            <numerusform>保留了 %n 个冻结参数</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/core/analysis/summary.py" line="50"/>
        <source>dropped %n frozen parameters the new network does not have</source>
        <translation>
            <numerusform>舍弃了新网络没有的 %n 个冻结参数</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../nnviz/core/analysis/summary.py" line="51"/>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/core/analysis/summary.py" line="51"/>
        <source>dropped %n the new network does not have</source>
        <translation>
            <numerusform>舍弃了新网络没有的 %n 个</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>surface</name>
    <message>
        <location filename="../../nnviz/core/analysis/surface.py" line="80"/>
        <source>the two axes must be different parameters, got %1 twice</source>
        <translation>两个坐标轴必须是不同的参数，%1 出现了两次</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/analysis/surface.py" line="97"/>
        <source>%1 is frozen: unfreeze it or choose another parameter</source>
        <translation>%1 已冻结：请解冻它或选择其他参数</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/analysis/surface.py" line="118"/>
        <source>a loss surface needs two parameters that are not frozen</source>
        <translation>损失曲面需要两个未冻结的参数</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/analysis/surface.py" line="199"/>
        <source>%1..%2 is not a range: expected two finite numbers, the first smaller</source>
        <translation>%1..%2 不是一个范围：需要两个有限的数，前一个较小</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/analysis/surface.py" line="204"/>
        <source>%1..%2 is too wide: its width is beyond the largest float</source>
        <translation>%1..%2 太宽：宽度超出了最大浮点数</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/analysis/surface.py" line="206"/>
        <source>%1..%2 is too narrow to split into %3 distinct grid points</source>
        <translation>%1..%2 太窄，无法分成 %3 个不同的网格点</translation>
    </message>
</context>
<context>
    <name>sweep</name>
    <message>
        <location filename="../../nnviz/core/analysis/sweep.py" line="101"/>
        <source>at most %1 learning rates (the limit), got %2</source>
        <translation>最多 %1 个学习率（上限），实际为 %2 个</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/analysis/sweep.py" line="103"/>
        <source>at most %1 iterations per rate (the limit), got %2</source>
        <translation>每个学习率最多 %1 次迭代（上限），实际为 %2 次</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/analysis/sweep.py" line="106"/>
        <source>%1 rates x %2 iterations is over the limit of %3; use fewer rates or iterations</source>
        <translation>%1 个学习率 x %2 次迭代超过了 %3 的上限；请减少学习率个数或迭代次数</translation>
    </message>
</context>
<context>
    <name>tables</name>
    <message>
        <location filename="../../nnviz/io/tables.py" line="111"/>
        <source>%1: column %2: cannot normalise values from %3 (line %4) to %5 (line %6): their difference is beyond the largest float</source>
        <translation>%1：第 %2 列：无法归一化从 %3（第 %4 行）到 %5（第 %6 行）的值：两者之差超出了最大的浮点数</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/tables.py" line="129"/>
        <source>%1 is too far outside the training rows&apos; values to be normalised</source>
        <translation>%1 离训练集的取值范围太远，无法归一化</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/tables.py" line="134"/>
        <source>auto: UTF-8 (or UTF-16 with its byte-order mark)</source>
        <translation>自动：UTF-8（带字节顺序标记时为 UTF-16）</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/tables.py" line="135"/>
        <source>Western European, Windows-1252 (Excel&apos;s CSV in Europe and the Americas)</source>
        <translation>西欧，Windows-1252（欧美 Excel 的 CSV）</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/tables.py" line="136"/>
        <source>Chinese, GB18030 / GBK (Excel&apos;s CSV in China)</source>
        <translation>简体中文，GB18030 / GBK（中文 Excel 的 CSV）</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/tables.py" line="137"/>
        <source>UTF-16 (Excel&apos;s Unicode text)</source>
        <translation>UTF-16（Excel 的 Unicode 文本）</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/tables.py" line="138"/>
        <source>ISO 8859-1 (Latin-1)</source>
        <translation>ISO 8859-1（Latin-1）</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/tables.py" line="151"/>
        <source>unknown encoding %1; expected auto or an encoding such as utf-8, cp1252, gb18030 or utf-16</source>
        <translation>未知的编码 %1；应为 auto 或 utf-8、cp1252、gb18030、utf-16 这样的编码</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/tables.py" line="154"/>
        <source>%1 is not a text encoding</source>
        <translation>%1 不是文本编码</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/tables.py" line="220"/>
        <source>byte %1</source>
        <translation>字节 %1</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/tables.py" line="222"/>
        <source>not UTF-8 text (%1); give the file&apos;s encoding (--encoding cp1252 for a Western European spreadsheet&apos;s CSV, gb18030 for a Chinese one; the Data dialog&apos;s Encoding) or save it as &quot;CSV UTF-8&quot;</source>
        <translation>不是 UTF-8 文本（%1）；请指明文件的编码（西欧电子表格的 CSV 用 --encoding cp1252，中文的用 gb18030；或用数据对话框的“编码”），或者把它另存为“CSV UTF-8”</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/tables.py" line="226"/>
        <source>not %1 text (%2); is the encoding right?</source>
        <translation>不是 %1 文本（%2）；编码选对了吗？</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/tables.py" line="233"/>
        <source>%1: the number of target columns must be a whole number &gt;= 1, got %2</source>
        <translation>%1：目标列数须为 &gt;= 1 的整数，实际为 %2</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/tables.py" line="242"/>
        <source>no data (the file is empty or holds only comments)</source>
        <translation>没有数据（文件是空的，或者只有注释）</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/tables.py" line="250"/>
        <source>a header but no data rows</source>
        <translation>只有表头，没有数据行</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/tables.py" line="258"/>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/tables.py" line="258"/>
        <source>one cell too many</source>
        <translation>多了一个单元格</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/tables.py" line="259"/>
        <source>%1 (this row has %2, line %3 has %4)</source>
        <translation>%1（这一行有 %2，第 %3 行有 %4 列）</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/tables.py" line="269"/>
        <source>%1 asked for but the rows have %2 (at least one input column must remain)</source>
        <translation>要求 %1，但各行只有 %2（至少要留下一个输入列）</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/tables.py" line="277"/>
        <source>%1 input</source>
        <translation>%1 个输入</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/tables.py" line="277"/>
        <source>%1 inputs</source>
        <translation>%1 个输入</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/tables.py" line="278"/>
        <source>%1 (%2 columns, %3 of them targets) but the %4 network has %5</source>
        <translation>%1（共 %2 列，其中 %3 列是目标），但 %4 网络有 %5</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/tables.py" line="280"/>
        <source>%1 input column</source>
        <translation>%1 个输入列</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/tables.py" line="280"/>
        <source>%1 input columns</source>
        <translation>%1 个输入列</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/tables.py" line="283"/>
        <source>%1 output</source>
        <translation>%1 个输出</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/tables.py" line="283"/>
        <source>%1 outputs</source>
        <translation>%1 个输出</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/tables.py" line="284"/>
        <source>%1 but the %2 network has %3</source>
        <translation>%1，但 %2 网络有 %3</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/tables.py" line="295"/>
        <source>%1: line %2: %3</source>
        <translation>%1：第 %2 行：%3</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/tables.py" line="296"/>
        <source>%1: line %2, column %3: %4</source>
        <translation>%1：第 %2 行第 %3 列：%4</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/tables.py" line="301"/>
        <source>%1 column</source>
        <translation>%1 列</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/tables.py" line="301"/>
        <source>%1 columns</source>
        <translation>%1 列</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/tables.py" line="305"/>
        <source>%1 target column</source>
        <translation>%1 个目标列</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/tables.py" line="305"/>
        <source>%1 target columns</source>
        <translation>%1 个目标列</translation>
    </message>
    <message>
        <location filename="../../nnviz/io/tables.py" line="316"/>
        <source>line %1, column %2: the name %3 is kept as %4 (a name is one line of at most %5 characters)</source>
        <translation>第 %1 行第 %2 列：名称 %3 保留为 %4（名称是最多 %5 个字符的一行）</translation>
    </message>
</context>
<context>
    <name>verdict</name>
    <message>
        <location filename="../../nnviz/core/analysis/verdict.py" line="49"/>
        <source>converging</source>
        <translation>收敛</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/analysis/verdict.py" line="49"/>
        <source>zigzag</source>
        <translation>之字形收敛</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/analysis/verdict.py" line="50"/>
        <source>oscillating</source>
        <translation>震荡</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/analysis/verdict.py" line="50"/>
        <source>diverged</source>
        <translation>发散</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/analysis/verdict.py" line="51"/>
        <source>the steps keep their direction and the loss goes down</source>
        <translation>每一步保持方向，损失下降</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/analysis/verdict.py" line="52"/>
        <source>converging while the steps flip sign along the steepest direction</source>
        <translation>仍在收敛，但每一步沿最陡方向来回变号</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/analysis/verdict.py" line="53"/>
        <source>bounded but not shrinking</source>
        <translation>有界，但不缩小</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/analysis/verdict.py" line="54"/>
        <source>the loss or the steps grow without bound</source>
        <translation>损失或步长无限增大</translation>
    </message>
</context>
</TS>
