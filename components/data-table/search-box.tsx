"use client";

import { useEffect, useRef, useState } from "react";
import { compactInputClass } from "@/components/ui/input-class";

interface Props {
  id: string;
  label: string;
  placeholder: string;
  /** The search the page was rendered with. */
  value: string;
  onSearch: (text: string) => void;
  /** Wait this long after the last keystroke before searching. */
  delayMs?: number;
}

/** A search field that searches as you type (debounced) and at once on Enter. */
export function SearchBox({ id, label, placeholder, value, onSearch, delayMs = 350 }: Props) {
  const [text, setText] = useState(value);
  const [sent, setSent] = useState(value);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  // A navigation this box did not make (clear filters, back button) changed the search: show it.
  // Our own searches arrive as `sent`, so text typed meanwhile is never overwritten.
  if (value !== sent) {
    setSent(value);
    setText(value);
  }

  const send = (next: string) => {
    clearTimeout(timer.current);
    const trimmed = next.trim();
    if (trimmed === sent) return;
    setSent(trimmed);
    onSearch(trimmed);
  };

  return (
    <div className="flex min-w-56 flex-1 flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-slate-600">
        {label}
      </label>
      <input
        id={id}
        type="search"
        value={text}
        placeholder={placeholder}
        onChange={(e) => {
          setText(e.target.value);
          clearTimeout(timer.current);
          const next = e.target.value;
          timer.current = setTimeout(() => send(next), delayMs);
        }}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            send(text);
          }
        }}
        className={`${compactInputClass} px-3`}
      />
    </div>
  );
}
