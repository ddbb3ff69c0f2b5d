<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
