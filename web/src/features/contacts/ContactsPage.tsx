import { Button, Group, Pagination, Paper, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAddressBook, IconDownload, IconFileImport, IconPlus, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { hasRole, projectPath, useProject } from '../../app/project.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Empty, LoadError, Loading } from '../../components/States.tsx';
import { formatNumber } from '../../components/format.ts';
import { useContacts } from './api.ts';
import { ContactsTable } from './ContactsTable.tsx';
import { ContactFormModal } from './edit/ContactFormModal.tsx';

const PAGE_SIZE = 25;

/** Search by name, e-mail or phone (any spelling) with the query and page kept in the URL. */
export function ContactsPage() {
  const { t } = useTranslation();
  const { projectId, role } = useProject();
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const [q] = useDebouncedValue(text.trim(), 250);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const contacts = useContacts({ q, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const [creating, setCreating] = useState(false);
  const navigate = useNavigate();

  useEffect(() => {
    if (q === (params.get('q') ?? '')) return;
    setParams(q ? { q } : {}, { replace: true });
  }, [q, params, setParams]);

  const data = contacts.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  return (
    <>
      <PageHeader
        title={t('contacts.title')}
        description={data ? t('contacts.count', { formatted: formatNumber(data.total) }) : t('contacts.subtitle')}
        actions={
          <>
            {hasRole(role, 'supervisor') && (
              <>
                <Button component="a" href={`/api/projects/${projectId}/contacts/export.csv`} variant="default" leftSection={<IconDownload size={16} />}>
                  {t('contacts.export')}
                </Button>
                <Button component={Link} to={projectPath(projectId, 'import')} variant="default" leftSection={<IconFileImport size={16} />}>{t('contacts.import')}</Button>
                <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>{t('contactForm.new')}</Button>
              </>
            )}
          </>
        }
      />
      <Paper p="md">
        <TextInput
          placeholder={t('contacts.searchPlaceholder')}
          leftSection={<IconSearch size={16} />}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          aria-label={t('contacts.search')}
          data-testid="contact-search"
          mb="md"
          size="md"
        />
        {contacts.isPending && <Loading />}
        {contacts.isError && <LoadError error={contacts.error} />}
        {data && data.items.length === 0 && (
          q ? <Empty title={t('contacts.noMatch')} description={t('contacts.noMatchHint', { q })} icon={<IconSearch size={28} />} />
            : <Empty
                title={t('contacts.empty')}
                description={t('contacts.emptyHint')}
                icon={<IconAddressBook size={28} />}
                action={hasRole(role, 'supervisor') && (
                  <Button component={Link} to={projectPath(projectId, 'import')} variant="light" leftSection={<IconFileImport size={16} />}>{t('contacts.import')}</Button>
                )}
              />
        )}
        {data && data.items.length > 0 && <ContactsTable contacts={data.items} />}
        {data && pages > 1 && (
          <Group justify="space-between" mt="md">
            <Text size="sm" c="dimmed">{t('common.pageOf', { page, pages })}</Text>
            <Pagination total={pages} value={page} onChange={(p) => setParams(q ? { q, page: String(p) } : { page: String(p) })} size="sm" />
          </Group>
        )}
      </Paper>
      <ContactFormModal opened={creating} onClose={() => setCreating(false)} onSaved={(c) => navigate(projectPath(projectId, 'contacts', c.id))} />
    </>
  );
}
