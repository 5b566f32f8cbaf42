// What a person does with Mantine inputs, in the DOM events those inputs listen to.
import { act, fireEvent, waitFor, within } from '@testing-library/react';

/** Comboboxes ignore a change to an input that does not have the focus (autofill), as a person types in a focused one. */
const focus = (input: HTMLElement): void => {
  if (document.activeElement !== input) act(() => input.focus());
};

export const type = (input: HTMLElement, value: string): void => {
  focus(input);
  fireEvent.change(input, { target: { value } });
};

/** A TagsInput takes each value on Enter. */
export const addTags = (input: HTMLElement, ...tags: string[]): void => {
  for (const tag of tags) {
    type(input, tag);
    fireEvent.keyDown(input, { key: 'Enter' });
  }
};

/** Opens a Select or MultiSelect and picks one of its options. */
export const choose = async (combobox: HTMLElement, option: string): Promise<void> => {
  fireEvent.click(combobox);
  const listbox = await waitFor(() => {
    const id = combobox.getAttribute('aria-controls');
    const found = id ? document.getElementById(id) : null;
    if (!found) throw new Error(`the options of ${combobox.id} did not open`);
    return found;
  });
  fireEvent.click(within(listbox).getByRole('option', { name: option, hidden: true }));
};

export const isDisabled = (element: HTMLElement): boolean => (element as HTMLButtonElement).disabled;

export const click = (element: HTMLElement): void => {
  fireEvent.click(element);
};
