#!/usr/bin/env python3
"""Adds the @param, @return and @throws tags that javadoc's doclint reports missing, as a first draft.

Usage: build the javadoc with the warnings kept, then run this on its output, then READ THE DIFF:
    ./mvnw -pl tensor-core,tensor-ops,tensor-cuda javadoc:javadoc -Dmaven.javadoc.failOnWarnings=false > jd.log
    python3 tools/javadoc_missing_tags.py jd.log
It reads lines like "<file>.java:<line>: warning: no @param for dim" and edits the javadoc above each
declaration: a one-sentence noun-phrase summary becomes {@return ...}; parameters get descriptions from
their names (dim, keepdim, other, generator, ... as PyTorch means them) or their words; "; returns x"
gives the @return. The text is generic where the name says little: rewrite those tags by hand.
(javadoc stops counting at 1000 warnings in the plugin's eyes: "1,311 warnings" is not recognised as
warnings, so check the log, not only the build's result.)
"""
import collections
import re
import sys
import textwrap

warns = collections.defaultdict(lambda: collections.defaultdict(list))
for l in open(sys.argv[1]):
    l = l.replace('[WARNING] ', '')
    m = re.match(r'(.+?\.java):(\d+): warning: no (@param for (\S+)|@return|@throws for (\S+))', l.strip())
    if not m: continue
    f, ln = m.group(1), int(m.group(2))
    if m.group(4): warns[f][ln].append(('param', m.group(4)))
    elif m.group(5): warns[f][ln].append(('throws', m.group(5)))
    else: warns[f][ln].append(('return', None))
def javadoc_above(lines, i):
    # i: 0-based index of declaration line; go up to find */
    j = i - 1
    while j >= 0 and (lines[j].strip().startswith('@') and not lines[j].strip().startswith('@param')) :
        j -= 1
    if j < 0 or not lines[j].rstrip().endswith('*/'): return None
    end = j
    while j >= 0 and '/**' not in lines[j]: j -= 1
    return j, end


NUM = {'int','long','double','float','short','byte','Number','Integer','Long','Double','Float'}
def words(name):
    w = re.sub(r'([a-z0-9])([A-Z])', r'\1 \2', name).lower()
    w = re.sub(r'^num ', 'number of ', w)
    w = w.replace(' idx', ' index').replace('grad ', 'gradient ')
    return w

P = {
 'other': lambda t: 'the other operand, broadcast with this tensor' if t == 'Tensor' else 'the scalar operand',
 'dim': 'the dim (negative counts from the end)',
 'dims': 'the dims (negative count from the end)',
 'dim0': 'the first dim', 'dim1': 'the second dim', 'startDim': 'the first dim to flatten', 'endDim': 'the last dim to flatten',
 'value': 'the value',
 'dtype': 'the dtype',
 'generator': 'the random number generator to draw from',
 'x': lambda t: 'the input tensor' if t == 'Tensor' else 'the input',
 't': 'the tensor',
 'tensor': 'the tensor', 'tensors': 'the tensors', 'a': 'the first operand', 'b': 'the second operand',
 'shape': 'the shape (the size of each dim)', 'newShape': 'the new shape', 'oldShape': 'the old shape', 'oldStrides': 'the old strides',
 'sizes': 'the size of each dim', 'size': 'the size', 'strides': 'the element strides', 'offset': 'the storage offset',
 'keepdim': 'whether the reduced dims are kept with size 1',
 'index': lambda t: 'the indices (int64)' if t == 'Tensor' else 'the index',
 'indices': 'the indices', 'input': 'the input tensor', 'inputs': 'the inputs', 'output': 'the output', 'outputs': 'the outputs',
 'alpha': 'the multiplier alpha', 'beta1': 'the decay rate of the first moment estimate', 'beta2': 'the decay rate of the second moment estimate',
 'weight': 'the weight', 'bias': lambda t: 'whether the layer has a bias' if t == 'boolean' else 'the bias',
 'start': 'the start', 'end': 'the end', 'stop': 'the stop', 'step': 'the step', 'steps': 'the number of steps',
 'begin': 'the first position', 'length': 'the length',
 'paddingIdx': 'the padding index ({@code padding_idx}), whose row gets no gradient',
 'n': 'the count', 'k': 'the count k', 'm': 'the count m', 'i': 'the index i', 'j': 'the index j',
 'items': 'the index items, one per indexed dim', 'item': 'the index item',
 'target': 'the target', 'high': 'the upper bound (exclusive)', 'low': 'the lower bound (inclusive)',
 'name': 'the name', 'mode': 'the mode', 'mask': 'the bool mask', 'lr': 'the learning rate',
 'end': 'the end', 'params': 'the parameters to optimize', 'param': 'the parameter',
 'out': 'the tensor to write the result into', 'numEmbeddings': 'the number of rows of the embedding table',
 'embeddingDim': 'the size of each embedding vector', 'exponent': 'the exponent',
 'condition': 'the bool condition, broadcast with the operands', 'path': 'the file', 'offsets': 'the offsets',
 'min': 'the lower bound', 'max': 'the upper bound', 'it': 'the tensor iterator', 'unbiased': "whether to use Bessel's correction (divide by n - 1)",
 'correction': 'the difference between the sample size and the divisor (1 for Bessel\'s correction)',
 'roundingMode': 'the rounding mode: null (true division), {@code "trunc"} or {@code "floor"}',
 'op': 'the operation', 'device': 'the device', 'y': lambda t: 'the second tensor' if t == 'Tensor' else 'the value', 'to': 'the target',
 'std': 'the standard deviation', 'mean': 'the mean', 'src': 'the source values', 'source': 'the source',
 'reduction': 'how the per-element results are reduced', 'outFeatures': 'the number of output features', 'inFeatures': 'the number of input features',
 'options': 'the options', 'opts': 'the options', 'newOptions': 'the new options', 'nonlinearity': 'the nonlinearity the gain is for (PyTorch\'s name, e.g. {@code "relu"})',
 'eps': 'the epsilon added for numerical stability', 'seed': 'the seed', 'retainGraph': 'whether to keep the recorded graph for another backward pass',
 'perSampleWeights': 'the per-sample weights, or null', 'p': 'the probability p', 'normalizedShape': 'the shape of the trailing dims to normalize',
 'ignoreIndex': 'the target value that is ignored', 'gradOutput': 'the gradient of the output', 'from': 'the start', 'diagonal': 'the diagonal offset (0 the main diagonal, positive above it)',
 'weightDecay': 'the weight decay (L2 penalty)', 'setToNone': 'whether to set the gradients to null rather than to zero',
 'plan': 'the plan', 'on': 'whether to turn it on', 'labelSmoothing': 'the label smoothing amount in [0, 1]', 'gain': 'the gain',
 'array': 'the Java array', 'approximate': 'the approximation: {@code "none"} or {@code "tanh"}', 'accumulate': 'whether to add to the existing values instead of replacing them',
 'version': 'the version', 'training': 'whether in training mode', 'storage': 'the storage', 'stats': 'the statistics', 'state': 'the state',
 'spec': 'the specification', 'probs': 'the probabilities', 'numel': 'the number of elements', 'numSamples': 'the number of samples',
 'normType': 'the p of the p-norm', 'momentum': 'the momentum factor', 'message': 'the message', 'maxNorm': 'the maximum norm, or null',
 'maxIndices': 'the indices of the maxima', 'mat2': 'the second matrix', 'logits': 'the logits', 'log': 'whether the values are logarithms',
 'kernel': 'the kernel', 'includeLastOffset': 'whether the last offset ends the last bag', 'in': 'the input stream', 'grain': 'the minimum number of elements per task',
 'gradient': 'the gradient', 'f': 'the function', 'decimals': 'the number of decimal places', 'data': 'the data', 'bytes': 'the bytes',
 'base': 'the base', 'amsgrad': 'whether to use the AMSGrad variant', 'allowUnused': 'whether inputs the outputs do not depend on are allowed (their gradient is null)',
 'vec': 'the vector', 'vec2': 'the second vector', 'type': 'the type', 'strict': 'whether every key must match', 'splitSize': 'the size of each piece',
 'scale': 'the scale', 'scalar': 'the scalar', 'rtol': 'the relative tolerance', 'atol': 'the absolute tolerance', 'root': 'the root',
 'requested': 'the requested shape', 'replacement': 'whether to draw with replacement', 'repeats': 'the number of repetitions',
 'reason': 'the reason', 'outputIndex': 'the index of the output', 'node': 'the node', 'nesterov': 'whether to use Nesterov momentum',
 'ndim': 'the number of dims', 'modules': 'the modules', 'module': 'the module', 'loss': 'the loss', 'gradWeight': 'the gradient of the weight',
 'gradLoss': 'the gradient of the loss', 'gradLogits': 'the gradient of the logits', 'gradInput': 'the gradient of the input', 'grad': 'the gradient',
 'g': 'the generator', 'freeze': 'whether the table is frozen (does not require grad)', 'embeddings': 'the embedding table',
 'elementwiseAffine': 'whether the layer has a learnable weight and bias', 'description': 'the description', 'dampening': 'the dampening for momentum',
 'compressed': 'whether to compress', 'chunks': 'the number of chunks', 'cause': 'the cause', 'category': 'the category', 'body': 'the body',
 'attrs': 'the attributes', '<M>': 'the type of the module', 'indexedSizes': 'the sizes of the indexed dims', 'indexedStrides': 'the strides of the indexed dims',
 'bi': 'the index of the bag',
}

def param_desc(name, typ):
    d = P.get(name)
    if callable(d): d = d(typ)
    if d is None:
        d = ('whether to ' if typ == 'boolean' else 'the ') + words(name)
    return d

LOWER_OK = {'The','A','An','Whether','This','These','Bool','Values','Uniform','Standard','Integers','Views','Operand','Bags',
            'Rows','Every','Bytes','One','Elementwise','Logical','Division','Same','Round','True','Index','Indices','Number','Sum','Product'}
def first_sentence(text):
    text = re.sub(r'\s+', ' ', text).strip()
    # cut at the first ". " not inside braces
    depth = 0
    for k, ch in enumerate(text):
        if ch == '{': depth += 1
        elif ch == '}': depth -= 1
        elif ch == '.' and depth == 0 and (k + 1 == len(text) or text[k+1] == ' ') and not text[max(0,k-3):k+1].endswith(('e.g.', 'i.e.')):
            return text[:k]
    return text.rstrip('.')

def return_desc(desc, rtype, decl_class, method):
    whole = first_sentence(desc)
    s = whole
    if len(s) > 110:
        depth = 0
        for k, ch in enumerate(s):
            if ch in '{(': depth += 1
            elif ch in '})': depth -= 1
            elif ch in ':;' and depth == 0 and not re.search(r'&#?\w+$', s[:k]):
                s = s[:k]; break
    r = return_desc0(s, rtype, decl_class, method)
    inline = (s == whole and r[1])
    return r[0], inline

def return_desc0(s, rtype, decl_class, method):
    m = re.search(r'[;,] returns (.+)$', s)
    if re.match(r'(In-place|In place)\b', s) or method.endswith('_') and rtype == decl_class:
        return ('this ' + words(rtype) if rtype != 'Tensor' else 'this tensor'), False
    if m:
        r = m.group(1)
        if r in ('this', 'it'): return 'this ' + words(rtype), False
        return r, False
    if s.startswith('Returns '): return s[len('Returns '):], True
    fw = s.split(' ')[0]
    if re.match(r'^[A-Z][a-z-]+s$', fw) and fw not in LOWER_OK and fw not in ('Values','Integers','Views','Bags','Rows','Bytes','Indices','Options','Statistics'):
        # a verb phrase ("Reads a .npy file"): name what comes back
        if rtype == 'boolean': return 'whether it succeeded', False
        return ('the ' + words(rtype) if rtype != decl_class else 'this ' + words(rtype)), False
    if fw in LOWER_OK: s = s[0].lower() + s[1:]
    return s, True

THROWS = {'java.io.IOException': 'if reading or writing fails'}

def parse_decl(lines, i):
    text = ''
    k = i
    while True:
        text += lines[k] + '\n'
        if ')' in text and text.count('(') <= text.count(')'):
            break
        k += 1
    head = text[:text.index('(')]
    name = head.split()[-1]
    rtype_tokens = head.split()
    rtype = rtype_tokens[-2] if len(rtype_tokens) >= 2 else ''
    rtype = re.sub(r'<.*>', '', rtype).replace('[]', ' array')
    params_text = text[text.index('(')+1:text.rindex(')')]
    # split on commas at depth 0
    parts, depth, cur = [], 0, ''
    for ch in params_text:
        if ch in '<(': depth += 1
        if ch in '>)': depth -= 1
        if ch == ',' and depth == 0: parts.append(cur); cur = ''
        else: cur += ch
    if cur.strip(): parts.append(cur)
    types = {}
    for p in parts:
        p = re.sub(r'@\w+(\([^)]*\))?\s*', '', p).replace('final ', '').strip()
        toks = p.split()
        if len(toks) >= 2:
            types[toks[-1]] = re.sub(r'<.*>', '', toks[-2]).replace('...', '').replace('[]', '')
    return name, rtype, types

def fix_file(f, d):
    lines = open(f).read().split('\n')
    cls = re.search(r'/([A-Za-z0-9]+)\.java$', f).group(1)
    # process from the bottom so line numbers stay valid
    for ln in sorted(d, reverse=True):
        items = d[ln]
        i = ln - 1
        r = javadoc_above(lines, i)
        if r is None:
            print('NO JAVADOC', f, ln); continue
        a, b = r
        name, rtype, types = parse_decl(lines, i)
        # type-parameter missing tags (<M>) are on class/method type params
        indent = re.match(r'(\s*)', lines[a]).group(1)
        block = lines[a:b+1]
        body = '\n'.join(block)
        desc = re.sub(r'^\s*/\*\*', '', body)
        desc = re.sub(r'\*/\s*$', '', desc)
        desc = '\n'.join(re.sub(r'^\s*\* ?', '', x) for x in desc.split('\n'))
        desc_only = re.split(r'\n\s*@', '\n' + desc.strip())[0] if not desc.strip().startswith('@') else ''
        desc_only = re.sub(r'<pre>.*?</pre>', '', desc_only, flags=re.S)
        order = list(types)
        items = sorted(items, key=lambda it: ({'param': 0, 'return': 1, 'throws': 2}[it[0]],
                                             order.index(it[1]) if it[0] == 'param' and it[1] in order else -1))
        new_tags = []
        inline_return = None
        for kind, arg in items:
            if kind == 'param':
                if arg.startswith('<'):
                    new_tags.append(('param', f'@param {arg} ' + P.get(arg, 'the type')))
                else:
                    new_tags.append(('param', f'@param {arg} ' + param_desc(arg, types.get(arg, ''))))
            elif kind == 'return':
                rd, inline = return_desc(desc_only, rtype, cls, name)
                if inline:
                    inline_return = rd
                else:
                    new_tags.append(('return', '@return ' + rd))
            else:
                new_tags.append(('throws', f'@throws {arg.split(".")[-1]} ' + THROWS.get(arg, 'on failure')))
        # rebuild comment: keep existing content lines, insert tags
        if len(block) == 1:
            inner = block[0].strip()[3:-2].strip()
            content = [inner]
        else:
            first = block[0].strip()[3:].strip()
            content = ([first] if first else []) + [re.sub(r'^\s*\* ?', '', x) for x in block[1:-1]]
            last = block[-1].strip()[:-2].strip().lstrip('*').strip()
            if last: content.append(last)
        if inline_return is not None:
            joined = '\n'.join(content)
            fs = first_sentence(desc_only)
            # locate the first sentence in the (possibly wrapped) content, whitespace-insensitively
            pat = r'\s+'.join(re.escape(w) for w in fs.split()) + r'\.?'
            mm = re.search(pat, joined)
            if mm is None:
                new_tags.insert(next((k for k, t in enumerate(new_tags) if t[0] == 'throws'), len(new_tags)),
                                ('return', '@return ' + inline_return))
            else:
                joined = joined[:mm.start()] + '{@return ' + inline_return + '}' + joined[mm.end():]
                para_end = joined.find('\n\n')
                para, rest = (joined, '') if para_end < 0 else (joined[:para_end], joined[para_end:])
                if '<pre>' not in para and any(len(x) > 112 - len(indent) for x in para.split('\n')):
                    para = '\n'.join(textwrap.wrap(' '.join(para.split()), 112 - len(indent), break_long_words=False, break_on_hyphens=False))
                joined = para + rest
                content = joined.split('\n')
        if not new_tags and len(content) == 1 and len(indent) + 8 + len(content[0]) <= 120:
            lines[a:b+1] = [indent + '/** ' + content[0] + ' */']
            continue
        # find tag region
        tag_idx = next((k for k, x in enumerate(content) if x.startswith('@')), None)
        if tag_idx is None:
            while content and content[-1].strip() == '': content.pop()
            content = content + ([''] + [t for _, t in new_tags] if new_tags else [])
        else:
            existing = content[tag_idx:]
            pre = content[:tag_idx]
            # insert params before first non-param tag, return before throws/see, throws at end
            def pos(kind):
                order = {'param': 0, 'return': 1, 'throws': 2}
                for k, x in enumerate(existing):
                    m = re.match(r'@(\w+)', x)
                    if m and m.group(1) in order and order[m.group(1)] > order[kind]:
                        return k
                    if m and m.group(1) in ('see', 'since', 'deprecated') and order[kind] < 3:
                        return k
                return len(existing)
            for kind, t in new_tags:
                existing.insert(pos(kind), t)
            content = pre + existing
        wrapped = []
        in_pre = False
        for x in content:
            if '<pre>' in x: in_pre = True
            if not in_pre and len(x) > 112 - len(indent):
                ws = textwrap.wrap(x, 112 - len(indent), subsequent_indent='    ' if x.startswith('@') else '',
                                   break_long_words=False, break_on_hyphens=False)
                wrapped.extend(ws)
            else:
                wrapped.append(x)
            if '</pre>' in x: in_pre = False
        content = wrapped
        out = [indent + '/**'] + [(indent + ' * ' + x).rstrip() if x.strip() else indent + ' *' for x in content] + [indent + ' */']
        lines[a:b+1] = out
    open(f, 'w').write('\n'.join(lines))

for f, d in warns.items():
    fix_file(f, d)
