import { InstrumentDefinitionSchema, LicenceSchema, type InstrumentDefinition, type Licence } from '@alongside/contracts/instruments';
import { Alert, Badge, Button, Group, List, Stack, Tabs, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { lazy, Suspense, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, SuccessAlert } from '../../components/Feedback.tsx';
import { describeError } from '../../lib/errors.ts';
import { findProblems, licenceProblems, move, newItem, problemsUnder, removeItem, tidyLicence, type Problem } from './editor-model.ts';
import { GeneralPanel, LanguagesPanel } from './GeneralPanels.tsx';
import { ItemCard, type Edit } from './ItemCard.tsx';
import { LicencePanel } from './LicencePanel.tsx';
import { ScalesPanel, SectionsPanel, SubscalesPanel } from './StructurePanels.tsx';

// SurveyJS is large: the preview loads it when the researcher opens the tab.
const PreviewPanel = lazy(async () => ({ default: (await import('./PreviewPanel.tsx')).PreviewPanel }));

export interface InstrumentEditorProps {
  definition: InstrumentDefinition;
  licence: Licence;
  /** Called with the checked definition and licence; a thrown error is shown and the edits are kept. */
  onSave: (value: { definition: InstrumentDefinition; licence: Licence }) => Promise<void> | void;
  /** Shown above the editor (e.g. that saving a version with responses makes a new version). */
  notice?: ReactNode;
}

const TABS = ['general', 'items', 'scales', 'subscales', 'sections', 'languages', 'licence', 'preview'] as const;
type Tab = (typeof TABS)[number];

/** Which tab a problem's path belongs to. */
function tabOf(path: string): Tab {
  const head = path.split('.')[0] ?? '';
  if (head === 'items') return 'items';
  if (head === 'scales') return 'scales';
  if (head === 'subscales') return 'subscales';
  if (head === 'sections') return 'sections';
  if (head === 'languages' || head === 'sourceLanguage') return 'languages';
  if (head === 'licence') return 'licence';
  return 'general';
}

/** Where a problem is, in words: "Item 4 (trust_team)", "Scale agree5", "Licence". */
function describePath(path: string, definition: InstrumentDefinition, t: TFunction): string {
  const [head = '', key = ''] = path.split('.');
  const index = /^\d+$/.test(key) ? Number(key) : undefined;
  switch (head) {
    case 'items': {
      const item = index === undefined ? undefined : definition.items[index];
      return t('instrumentEditor.where.item', { number: (index ?? 0) + 1, name: item?.name ?? key });
    }
    case 'scales':
      return t('instrumentEditor.where.scale', { id: index === undefined ? key : (definition.scales[index]?.id ?? key) });
    case 'subscales':
      return t('instrumentEditor.where.subscale', { id: index === undefined ? key : (definition.subscales[index]?.id ?? key) });
    case 'sections':
      return t('instrumentEditor.where.section', { id: index === undefined ? key : (definition.sections[index]?.id ?? key) });
    case 'licence':
      return t('instrumentEditor.tabs.licence');
    case 'languages':
    case 'sourceLanguage':
      return t('instrumentEditor.tabs.languages');
    default:
      return t('instrumentEditor.tabs.general');
  }
}

let nextKey = 0;
const newKey = () => `item-${(nextKey += 1)}`;

/**
 * The researcher's instrument editor: items, response scales, subscales, sections, every text in every language side
 * by side, the licence, and a preview as the respondent sees it. Edits stay in the page until "Save".
 */
export function InstrumentEditor({ definition: initialDefinition, licence: initialLicence, onSave, notice }: InstrumentEditorProps) {
  const { t } = useTranslation();
  const [definition, setDefinition] = useState(initialDefinition);
  const [licence, setLicence] = useState(initialLicence);
  // Stable keys for the items, so that moving one keeps its open state and focus with it.
  const [keys, setKeys] = useState(() => initialDefinition.items.map(newKey));
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set());
  const [tab, setTab] = useState<Tab>('items');
  const [saved, setSaved] = useState(() => JSON.stringify([initialDefinition, initialLicence]));
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(undefined);
  const [showProblems, setShowProblems] = useState(false);
  const [justSaved, setJustSaved] = useState(false);
  const summary = useRef<HTMLDivElement>(null);

  const problems = useMemo(() => findProblems(definition), [definition]);
  const licenceIssues = useMemo(() => licenceProblems(tidyLicence(licence)), [licence]);
  const all: Problem[] = useMemo(() => [...problems, ...licenceIssues], [problems, licenceIssues]);
  const dirty = JSON.stringify([definition, licence]) !== saved;

  const edit: Edit = (change) => {
    setDefinition((d) => change(d));
    setJustSaved(false);
  };
  const toggle = (key: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  const moveItem = (from: number, to: number) => {
    edit((d) => ({ ...d, items: move(d.items, from, to) }));
    setKeys((k) => move(k, from, to));
  };
  const addItem = () => {
    const key = newKey();
    edit((d) => ({ ...d, items: [...d.items, newItem(d)] }));
    setKeys((k) => [...k, key]);
    setOpen((current) => new Set(current).add(key));
  };
  const deleteItem = (index: number) => {
    edit((d) => removeItem(d, index));
    setKeys((k) => k.filter((_, i) => i !== index));
  };

  const save = async () => {
    setSaveError(undefined);
    if (all.length > 0) {
      setShowProblems(true);
      summary.current?.focus();
      return;
    }
    setSaving(true);
    try {
      const value = { definition: InstrumentDefinitionSchema.parse(definition), licence: LicenceSchema.parse(tidyLicence(licence)) };
      await onSave(value);
      setSaved(JSON.stringify([definition, licence]));
      setJustSaved(true);
      setShowProblems(false);
    } catch (error) {
      setSaveError(error);
    } finally {
      setSaving(false);
    }
  };

  const countIn = (which: Tab) => all.filter((p) => tabOf(p.path) === which).length;
  const tabLabel = (which: Tab) => {
    const count = which === 'preview' ? 0 : countIn(which);
    return (
      <Group gap={6} wrap="nowrap">
        <span>{t(`instrumentEditor.tabs.${which}`)}</span>
        {count > 0 ? (
          <Badge color="red.9" variant="outline" size="sm" radius="sm" tt="none" aria-label={t('instrumentEditor.problems.count', { count })}>
            {count}
          </Badge>
        ) : null}
      </Group>
    );
  };
  const wordingLocked = !licence.wordingEditable && licence.status !== 'own_non_validated';

  return (
    <Stack gap="md">
      {notice}
      <Group justify="space-between" align="center" wrap="wrap">
        <Text size="sm" role="status" aria-live="polite">
          {dirty ? t('instrumentEditor.unsaved') : t('instrumentEditor.noChanges')}
        </Text>
        <Button onClick={() => void save()} loading={saving} disabled={!dirty}>
          {t('instrumentEditor.save')}
        </Button>
      </Group>
      <SuccessAlert message={justSaved && !dirty ? t('instrumentEditor.saved') : undefined} />
      <ErrorAlert message={saveError === undefined ? undefined : `${t('instrumentEditor.saveFailed')} ${describeError(saveError, t)}`} />
      <div ref={summary} tabIndex={-1}>
        {all.length > 0 ? (
          <Alert color={showProblems ? 'red' : 'yellow'} variant="light" role={showProblems ? 'alert' : 'note'}>
            <Text fw={700}>{t('instrumentEditor.problems.title', { count: all.length })}</Text>
            {showProblems ? (
              <List size="sm" spacing={2}>
                {all.map((p, i) => (
                  <List.Item key={i}>
                    <Button variant="subtle" size="compact-sm" px={0} onClick={() => setTab(tabOf(p.path))}>
                      {describePath(p.path, definition, t)}
                    </Button>{' '}
                    {p.message === 'permission_missing' ? t('instrumentEditor.licence.permissionMissing') : p.message}
                  </List.Item>
                ))}
              </List>
            ) : (
              <Button variant="subtle" size="compact-sm" px={0} onClick={() => setShowProblems(true)}>
                {t('instrumentEditor.problems.show')}
              </Button>
            )}
          </Alert>
        ) : null}
      </div>

      <Tabs value={tab} onChange={(value) => value && setTab(value as Tab)} keepMounted={false}>
        <Tabs.List style={{ flexWrap: 'wrap' }}>
          {TABS.map((which) => (
            <Tabs.Tab key={which} value={which} className="tap-target">
              {tabLabel(which)}
            </Tabs.Tab>
          ))}
        </Tabs.List>

        <Tabs.Panel value="general" pt="md">
          <GeneralPanel definition={definition} problems={problems} edit={edit} />
        </Tabs.Panel>
        <Tabs.Panel value="items" pt="md">
          <Stack gap="sm">
            {wordingLocked ? (
              <Alert color="yellow" variant="light" role="note">
                {t('instrumentEditor.items.wordingLocked')}
              </Alert>
            ) : null}
            {definition.items.map((item, index) => {
              const key = keys[index] ?? `${index}`;
              return (
                <ItemCard
                  key={key}
                  definition={definition}
                  index={index}
                  open={open.has(key)}
                  onToggle={() => toggle(key)}
                  onMove={(to) => moveItem(index, to)}
                  onRemove={() => deleteItem(index)}
                  problems={problemsUnder(problems, `items.${index}`, `items.${item.name}`)}
                  edit={edit}
                />
              );
            })}
            <Group>
              <Button variant="outline" onClick={addItem} disabled={definition.items.length >= 1000}>
                {t('instrumentEditor.items.add')}
              </Button>
            </Group>
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="scales" pt="md">
          <ScalesPanel definition={definition} problems={problems} edit={edit} />
        </Tabs.Panel>
        <Tabs.Panel value="subscales" pt="md">
          <SubscalesPanel definition={definition} problems={problems} edit={edit} />
        </Tabs.Panel>
        <Tabs.Panel value="sections" pt="md">
          <SectionsPanel definition={definition} problems={problems} edit={edit} />
        </Tabs.Panel>
        <Tabs.Panel value="languages" pt="md">
          <LanguagesPanel definition={definition} problems={problems} edit={edit} />
        </Tabs.Panel>
        <Tabs.Panel value="licence" pt="md">
          <LicencePanel
            licence={licence}
            problems={licenceIssues}
            onChange={(next) => {
              setLicence(next);
              setJustSaved(false);
            }}
          />
        </Tabs.Panel>
        <Tabs.Panel value="preview" pt="md">
          <Suspense fallback={<Text>{t('common.loading')}</Text>}>
            <PreviewPanel definition={definition} />
          </Suspense>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
