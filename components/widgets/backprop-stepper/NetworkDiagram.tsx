'use client';

import { useId } from 'react';
import { useWidth } from '@/components/hooks/useWidth';
import type { Param221 } from '@/lib/worked/neural-networks';
import type { Params221 } from '@/lib/widgets/backprop-stepper';
import styles from './BackpropStepper.module.css';

interface Props {
  params: Params221;
  x: [number, number];
  y: number;
  pass: { z1: number; z2: number; h1: number; h2: number; zOut: number; yHat: number; loss: number; deltaOut: number; delta1: number; delta2: number };
  labels: Record<Param221, string>;
  /** Formats a number with the given fraction digits in the reader's edition. */
  num: (v: number, digits: number) => string;
  description: string;
}

const R = 25;
type NodeName = 'x1' | 'x2' | 'h1' | 'h2' | 'out';
type Anchor = 'start' | 'middle' | 'end';
interface Note {
  x: number;
  y: number;
  anchor: Anchor;
  text: string;
  kind: 'note' | 'delta' | 'loss';
}

const EDGES: { k: Param221; from: NodeName; to: NodeName }[] = [
  { k: 'w11', from: 'x1', to: 'h1' },
  { k: 'w12', from: 'x2', to: 'h1' },
  { k: 'w21', from: 'x1', to: 'h2' },
  { k: 'w22', from: 'x2', to: 'h2' },
  { k: 'v1', from: 'h1', to: 'out' },
  { k: 'v2', from: 'h2', to: 'out' },
];

/**
 * Where everything goes: left to right on a wide screen (inputs, hidden layer, output, with each unit's z, bias and
 * δ beside it); top to bottom on a phone, with only the biases beside the units (the lists below give z and δ).
 */
function layout(width: number, p: Params221, pass: Props['pass'], y: number, labels: Props['labels'], num: Props['num']) {
  const wl = (k: Param221) => `${labels[k]} = ${num(p[k], 3)}`;
  if (width >= 520) {
    const height = 280;
    const xIn = 60;
    const xOut = width - 110;
    const xHid = (xIn + xOut) / 2;
    const [yTop, yBot] = [82, height - 82];
    const yMid = (yTop + yBot) / 2;
    const nodes: Record<NodeName, [number, number]> = { x1: [xIn, yTop], x2: [xIn, yBot], h1: [xHid, yTop], h2: [xHid, yBot], out: [xOut, yMid] };
    const along = (from: NodeName, to: NodeName, t: number, dy: number): [number, number] => [
      nodes[from][0] + (nodes[to][0] - nodes[from][0]) * t,
      nodes[from][1] + (nodes[to][1] - nodes[from][1]) * t + dy,
    ];
    const edgeLabels: Record<Param221, [number, number, Anchor]> = {
      w11: [...along('x1', 'h1', 0.5, -7), 'middle'],
      // The crossing edges: each label beside its line, on the side away from the other one.
      w12: [along('x2', 'h1', 0.3, 0)[0] + 8, along('x2', 'h1', 0.3, 16)[1], 'start'],
      w21: [along('x1', 'h2', 0.3, 0)[0] + 8, along('x1', 'h2', 0.3, -6)[1], 'start'],
      w22: [...along('x2', 'h2', 0.5, 17), 'middle'],
      v1: [...along('h1', 'out', 0.45, -8), 'middle'],
      v2: [...along('h2', 'out', 0.45, 18), 'middle'],
      b1: [0, 0, 'middle'],
      b2: [0, 0, 'middle'],
      c: [0, 0, 'middle'],
    };
    const right = width - 4;
    const notes: Note[] = [
      { x: xHid, y: yTop - R - 24, anchor: 'middle', kind: 'note', text: `z₁ = ${num(pass.z1, 4)} · ${wl('b1')}` },
      { x: xHid, y: yTop - R - 8, anchor: 'middle', kind: 'delta', text: `δ₁ = ${num(pass.delta1, 4)}` },
      { x: xHid, y: yBot + R + 17, anchor: 'middle', kind: 'note', text: `z₂ = ${num(pass.z2, 4)} · ${wl('b2')}` },
      { x: xHid, y: yBot + R + 33, anchor: 'middle', kind: 'delta', text: `δ₂ = ${num(pass.delta2, 4)}` },
      { x: right, y: yMid - R - 40, anchor: 'end', kind: 'note', text: `z_out = ${num(pass.zOut, 4)}` },
      { x: right, y: yMid - R - 24, anchor: 'end', kind: 'note', text: wl('c') },
      { x: right, y: yMid - R - 8, anchor: 'end', kind: 'delta', text: `δ_out = ${num(pass.deltaOut, 4)}` },
      { x: right, y: yMid + R + 18, anchor: 'end', kind: 'loss', text: `L = ${num(pass.loss, 4)}` },
      { x: right, y: yMid + R + 34, anchor: 'end', kind: 'note', text: `y = ${num(y, 2)}` },
    ];
    return { height, nodes, edgeLabels, notes };
  }
  const height = 370;
  const [xL, xR, xMid] = [width * 0.27, width * 0.73, width / 2];
  const [yIn, yHid, yOut] = [40, 165, 285];
  const nodes: Record<NodeName, [number, number]> = { x1: [xL, yIn], x2: [xR, yIn], h1: [xL, yHid], h2: [xR, yHid], out: [xMid, yOut] };
  const edgeLabels: Record<Param221, [number, number, Anchor]> = {
    w11: [xL - 8, (yIn + yHid) / 2, 'end'],
    w22: [xR + 8, (yIn + yHid) / 2, 'start'],
    w21: [xL + (xR - xL) * 0.36, yIn + (yHid - yIn) * 0.36 - 6, 'middle'],
    w12: [xR - (xR - xL) * 0.62, yIn + (yHid - yIn) * 0.62 + 10, 'middle'],
    v1: [(xL + xMid) / 2 - 8, (yHid + yOut) / 2 + 4, 'end'],
    v2: [(xR + xMid) / 2 + 8, (yHid + yOut) / 2 + 4, 'start'],
    b1: [0, 0, 'middle'],
    b2: [0, 0, 'middle'],
    c: [0, 0, 'middle'],
  };
  const notes: Note[] = [
    { x: xL + 4, y: yHid + R + 15, anchor: 'end', kind: 'note', text: wl('b1') },
    { x: xR - 4, y: yHid + R + 15, anchor: 'start', kind: 'note', text: wl('b2') },
    { x: xMid + R + 6, y: yOut + 4, anchor: 'start', kind: 'note', text: wl('c') },
    { x: xMid, y: yOut + R + 20, anchor: 'middle', kind: 'loss', text: `L = ${num(pass.loss, 4)} · y = ${num(y, 2)}` },
  ];
  return { height, nodes, edgeLabels, notes };
}

/** The 2-2-1 network as an SVG: weights on the edges (solid positive, dashed negative), values and δs at the nodes. */
export function NetworkDiagram({ params: p, x, y, pass, labels, num, description }: Props) {
  const [ref, width] = useWidth<HTMLDivElement>(640);
  const uid = useId();
  const { height, nodes, edgeLabels, notes } = layout(width, p, pass, y, labels, num);
  const strokeWidth = (v: number) => 1.2 + 3 * Math.min(1, Math.abs(v) / 2);

  const node = (name: NodeName, title: string, value: string, cls: string) => (
    <g key={name} transform={`translate(${nodes[name][0]},${nodes[name][1]})`}>
      <circle r={R} className={cls} />
      <text y={-4} textAnchor="middle" className={styles.nodeName}>
        {title}
      </text>
      <text y={11} textAnchor="middle" className={styles.nodeValue}>
        {value}
      </text>
    </g>
  );

  return (
    <div ref={ref} className={styles.diagramBox}>
      <svg width={width} height={height} role="img" aria-labelledby={`${uid}-desc`} className={styles.diagram}>
        <desc id={`${uid}-desc`}>{description}</desc>
        {EDGES.map((e) => {
          const [ax, ay] = nodes[e.from];
          const [bx, by] = nodes[e.to];
          const len = Math.hypot(bx - ax, by - ay);
          const [ux, uy] = [(bx - ax) / len, (by - ay) / len];
          return (
            <line
              key={e.k}
              x1={ax + ux * R}
              y1={ay + uy * R}
              x2={bx - ux * R}
              y2={by - uy * R}
              className={p[e.k] >= 0 ? styles.edgePos : styles.edgeNeg}
              strokeWidth={strokeWidth(p[e.k])}
            />
          );
        })}
        {EDGES.map((e) => {
          const [lx, ly, anchor] = edgeLabels[e.k];
          return (
            <text key={e.k} x={lx} y={ly} textAnchor={anchor} className={styles.edgeLabel}>
              {`${labels[e.k]} = ${num(p[e.k], 3)}`}
            </text>
          );
        })}
        {node('x1', 'x₁', num(x[0], 2), styles.nodeIn!)}
        {node('x2', 'x₂', num(x[1], 2), styles.nodeIn!)}
        {node('h1', 'h₁', num(pass.h1, 3), styles.nodeHidden!)}
        {node('h2', 'h₂', num(pass.h2, 3), styles.nodeHidden!)}
        {node('out', 'ŷ', num(pass.yHat, 3), styles.nodeOut!)}
        {notes.map((n) => (
          <text key={`${n.x},${n.y}`} x={n.x} y={n.y} textAnchor={n.anchor} className={n.kind === 'delta' ? styles.deltaNote : n.kind === 'loss' ? styles.lossNote : styles.nodeNote}>
            {n.text}
          </text>
        ))}
      </svg>
    </div>
  );
}
