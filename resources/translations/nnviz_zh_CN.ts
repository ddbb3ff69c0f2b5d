<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CrossSection</name>
    <message>
        <location filename="../../nnviz/gui/panels/surface/cross_section.py" line="134"/>
        <source>steepest direction: distance from here</source>
        <translation>最陡方向：与当前点的距离</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/cross_section.py" line="136"/>
        <source>loss</source>
        <translation>损失</translation>
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
        <location filename="../../nnviz/gui/panels/surface/fork.py" line="60"/>
        <source>diverged at iteration %1</source>
        <translation>在第 %1 次迭代发散</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/fork.py" line="61"/>
        <source>iteration %1, loss %2</source>
        <translation>第 %1 次迭代，损失 %2</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/fork.py" line="65"/>
        <source>Fork from iteration %1 at rate %2 (%3): %4 · main: loss %5</source>
        <translation>从第 %1 次迭代分叉，学习率 %2（%3）：%4 · 主训练：损失 %5</translation>
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
        <location filename="../../nnviz/gui/record_control.py" line="166"/>
        <source>Cannot write the recording</source>
        <translation>无法写入录制文件</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/record_control.py" line="167"/>
        <source>%1
Nothing was written.</source>
        <translation>%1
没有写入任何文件。</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/record_control.py" line="169"/>
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
        <source>%n frame</source>
        <translation>
            <numerusform>%n 帧</numerusform>
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
        <source>Recorded %n frame (%1 s) to %2</source>
        <translation>
            <numerusform>已录制 %n 帧（%1 秒）到 %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/gui/record_control.py" line="160"/>
        <source>Recorded %n frames (%1 s) to %2</source>
        <translation>
            <numerusform>已录制 %n 帧（%1 秒）到 %2</numerusform>
        </translation>
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
        <location filename="../../nnviz/gui/controls/step_controls.py" line="255"/>
        <source>diverged: %1</source>
        <translation>发散：%1</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/controls/step_controls.py" line="257"/>
        <source>loss %1</source>
        <translation>损失 %1</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/controls/step_controls.py" line="259"/>
        <source>loss %1 (current weights)</source>
        <translation>损失 %1（当前权重）</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/controls/step_controls.py" line="261"/>
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
        <source>%n epoch done</source>
        <translation>
            <numerusform>已完成 %n 轮</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/gui/controls/step_controls.py" line="251"/>
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
        <source>Train a copy of the current state with another learning rate or optimizer alongside the main run</source>
        <translation>在主训练旁，用另一个学习率或优化器训练当前状态的一个副本</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/controls.py" line="62"/>
        <source>Remove fork</source>
        <translation>移除分叉</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/controls.py" line="64"/>
        <source>Sweep…</source>
        <translation>学习率扫描…</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/controls.py" line="65"/>
        <source>Learning-rate sweep: train copies at many rates and compare</source>
        <translation>学习率扫描：以多个学习率训练副本并比较</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/controls.py" line="107"/>
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
        <location filename="../../nnviz/gui/panels/surface/panel.py" line="131"/>
        <location filename="../../nnviz/gui/panels/surface/panel.py" line="364"/>
        <source>Surface: %1</source>
        <translation>损失曲面：%1</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/panel.py" line="277"/>
        <location filename="../../nnviz/gui/panels/surface/figure.py" line="107"/>
        <source>direction 1 (main)</source>
        <translation>方向 1（主方向）</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/panel.py" line="277"/>
        <location filename="../../nnviz/gui/panels/surface/figure.py" line="107"/>
        <location filename="../../nnviz/gui/panels/surface/range_choice.py" line="44"/>
        <source>direction 2</source>
        <translation>方向 2</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/panel.py" line="310"/>
        <source>Choose two parameters to see the loss over them.</source>
        <translation>选择两个参数，查看它们上的损失。</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/panel.py" line="312"/>
        <location filename="../../nnviz/gui/panels/surface/axes_choice.py" line="103"/>
        <source>%1 and %2</source>
        <translation>%1 和 %2</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/panel.py" line="314"/>
        <source>Plane through the current point along the path&apos;s two main directions, the path projected onto it; it turns as the path grows.</source>
        <translation>经过当前点、沿路径两个主方向的平面，路径投影在其上；随着路径增长，平面会转动。</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/panel.py" line="317"/>
        <source>Only %1 train: the path lies exactly on this surface.</source>
        <translation>只有 %1 参与训练：路径恰好落在这个曲面上。</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/panel.py" line="319"/>
        <source>Everything trains: a slice through the current point (other parameters as they are now), redrawn as it moves.</source>
        <translation>所有参数都在训练：这是经过当前点的切片（其他参数取当前值），随当前点移动而重绘。</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/panel.py" line="323"/>
        <source>%1 Axes: the two parameters clicked last.</source>
        <translation>%1坐标轴：最后点击的两个参数。</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/panel.py" line="389"/>
        <source>Plane of the trajectory: %1</source>
        <translation>轨迹平面：%1</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/panel.py" line="454"/>
        <source>The eigen plot follows the two axes of a slice.</source>
        <translation>特征方向图只适用于切片的两个轴。</translation>
    </message>
    <message>
        <location filename="../../nnviz/gui/panels/surface/panel.py" line="490"/>
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
        <location filename="../../nnviz/app/lessons/checks.py" line="240"/>
        <source>Set Play to stop below a loss at %n iterations</source>
        <translation>
            <numerusform>设置播放停止条件：损失低于阈值，或满 %n 次迭代</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/checks.py" line="242"/>
        <source>Set Play to stop below a loss</source>
        <translation>设置播放停止条件：损失低于阈值</translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/app/lessons/checks.py" line="243"/>
        <source>Set Play to stop at %n iterations</source>
        <translation>
            <numerusform>设置播放停止条件：满 %n 次迭代</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/checks.py" line="249"/>
        <source>normalised (min-max)</source>
        <translation>已归一化（最小-最大）</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/checks.py" line="250"/>
        <source>not normalised (min-max)</source>
        <translation>未归一化（最小-最大）</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/checks.py" line="252"/>
        <source>with a check set</source>
        <translation>带检验集</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/checks.py" line="252"/>
        <source>without a check set</source>
        <translation>不带检验集</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/checks.py" line="253"/>
        <source>Use data %1</source>
        <translation>使用%1的数据</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/checks.py" line="257"/>
        <source>Fork the run</source>
        <translation>分叉当前训练</translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/app/lessons/checks.py" line="259"/>
        <source>, and let the fork run %n iterations</source>
        <translation>
            <numerusform>，并让分叉运行 %n 次迭代</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/app/lessons/checks.py" line="270"/>
        <source>Run %n iterations</source>
        <translation>
            <numerusform>运行 %n 次迭代</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/checks.py" line="275"/>
        <source>Set the learning rate %1</source>
        <translation>把学习率设为%1</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/checks.py" line="278"/>
        <source>Set a rate below 1/λmax</source>
        <translation>把学习率设在 1/λmax 以下</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/checks.py" line="279"/>
        <source>Set a rate between 1/λmax and 2/λmax</source>
        <translation>把学习率设在 1/λmax 与 2/λmax 之间</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/checks.py" line="280"/>
        <source>Set the rate to 2/λmax</source>
        <translation>把学习率设为 2/λmax</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/checks.py" line="281"/>
        <source>Set a rate above 2/λmax</source>
        <translation>把学习率设在 2/λmax 以上</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/checks.py" line="286"/>
        <source>Let the run diverge</source>
        <translation>让训练发散</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/checks.py" line="287"/>
        <source>Keep the run from diverging</source>
        <translation>不让训练发散</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/checks.py" line="296"/>
        <source>Set %1 to %2</source>
        <translation>把 %1 设为 %2</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/checks.py" line="301"/>
        <source>Start from the %1 initialisation</source>
        <translation>从 %1 初始化开始</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/checks.py" line="304"/>
        <source>Select %1 on the canvas</source>
        <translation>在画布上选中 %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/app/lessons/checks.py" line="311"/>
        <source>Race the two backprop modes for %n iterations</source>
        <translation>
            <numerusform>让两种反向传播方式竞赛 %n 次迭代</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/checks.py" line="314"/>
        <source>Run a learning-rate sweep and use its best rate</source>
        <translation>运行一次学习率扫描，并采用其中最好的学习率</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/checks.py" line="315"/>
        <source>Run a learning-rate sweep</source>
        <translation>运行一次学习率扫描</translation>
    </message>
    <message>
        <location filename="../../nnviz/app/lessons/checks.py" line="321"/>
        <source>Play until a stopping rule stops it</source>
        <translation>播放，直到某条停止条件让它停下</translation>
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
        <location filename="../../nnviz/core/analysis/explain.py" line="129"/>
        <source>… (%n more)</source>
        <translation>
            <numerusform>…（另 %n 项）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../nnviz/core/analysis/explain.py" line="167"/>
        <source>sample %1 of %2 (data row %3):</source>
        <translation>第 %1 个样本，共 %2 个（数据第 %3 行）：</translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/core/analysis/explain.py" line="259"/>
        <source>E = mean over the %n samples = (%1)/%n = %2</source>
        <translation>
            <numerusform>E = %n 个样本的平均 = (%1)/%n = %2</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../nnviz/core/analysis/explain.py" line="285"/>
        <source>(cross-entropy with %1: f&apos; cancels)</source>
        <translation>（交叉熵配合 %1：f&apos; 被约去）</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/analysis/explain.py" line="364"/>
        <source>mean over samples of %1</source>
        <translation>各样本的 %1 的平均</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/analysis/explain.py" line="409"/>
        <source>%1 is frozen: stays %2</source>
        <translation>%1 已冻结：保持 %2</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/analysis/explain.py" line="452"/>
        <source>chain rule</source>
        <translation>链式法则</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/analysis/explain.py" line="452"/>
        <source>proportional error split</source>
        <translation>按权重比例分配误差</translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/core/analysis/explain.py" line="453"/>
        <source>== iteration %1 · %2 of %n samples · learning rate %3 · %4 · %5 · %6 ==</source>
        <translation>
            <numerusform>== 第 %1 次迭代 · %n 个样本中的 %2 个 · 学习率 %3 · %4 · %5 · %6 ==</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../nnviz/core/analysis/explain.py" line="459"/>
        <source>stopped: %1</source>
        <translation>已停止：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../nnviz/core/analysis/explain.py" line="468"/>
        <source>… and %1 more samples</source>
        <translation>
            <numerusform>… 另有 %1 个样本</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../nnviz/core/analysis/explain.py" line="471"/>
        <source>iteration %1 done: loss (forward pass) %2, loss now %3</source>
        <translation>第 %1 次迭代完成：损失（前向传播）%2，当前损失 %3</translation>
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
        <translation>2-2-2 sigmoid 计算示例（Mazur）：输入 0.05、0.10 -&gt; 目标 0.01、0.99</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/presets.py" line="33"/>
        <source>one linear neuron (adaptive linear unit) on 40 correlated, centred points: mse is a tilted elliptic bowl over w1, w2</source>
        <translation>一个线性神经元（自适应线性单元），40 个相关且已中心化的点：mse 是 w1、w2 上一个倾斜的椭圆碗</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/presets.py" line="35"/>
        <source>adaline stretched into a narrow valley: curvatures 4 and 0.04 over w1, w2 (condition number 100)</source>
        <translation>把 adaline 拉伸成狭长山谷：w1、w2 方向的曲率为 4 和 0.04（条件数 100）</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/presets.py" line="37"/>
        <source>2-3-1, the tutorial&apos;s error split: an output error e = 2 shared over the weights 0.58, 0.21, 0.36 gives 1.01, 0.37, 0.63 (proportional backprop)</source>
        <translation>2-3-1，教程中的误差分配：输出误差 e = 2 按权重 0.58、0.21、0.36 分配，得到 1.01、0.37、0.63（按比例分配的反向传播）</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/presets.py" line="39"/>
        <source>2-4-1 network on the four XOR points: tanh hidden layer, sigmoid output; learns in about 100 iterations</source>
        <translation>2-4-1 网络学习 XOR 的四个点：tanh 隐藏层，sigmoid 输出；大约 100 次迭代学会</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/presets.py" line="41"/>
        <source>1-8-1 regression of sin(x) on [-pi, pi]: tanh hidden layer, linear output</source>
        <translation>1-8-1 在 [-pi, pi] 上回归 sin(x)：tanh 隐藏层，线性输出</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/presets.py" line="42"/>
        <source>one linear neuron on inputs two orders of magnitude apart (area 10-60 m², metro 0.1-0.9 km): a long narrow valley until the data is normalised</source>
        <translation>一个线性神经元，两个输入相差两个数量级（面积 10-60 m²，地铁 0.1-0.9 km）：数据归一化之前是一个狭长的山谷</translation>
    </message>
    <message>
        <location filename="../../nnviz/core/presets.py" line="44"/>
        <source>one sigmoid neuron saturated on the wrong side: output 0.0025 against the target 1</source>
        <translation>一个饱和在错误一侧的 sigmoid 神经元：输出 0.0025，目标为 1</translation>
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
        <location filename="../../nnviz/core/state.py" line="46"/>
        <source>%1 · layer %2 of %3</source>
        <translation>%1 · 第 %2 层（共 %3 层）</translation>
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
