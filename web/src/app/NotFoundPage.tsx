import { Button, Center } from '@mantine/core';
import { IconMapOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Empty } from '../components/States.tsx';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Center mih="60vh">
      <Empty
        title={t('notFound.title')}
        description={t('notFound.hint')}
        icon={<IconMapOff size={28} />}
        action={<Button component={Link} to="/" variant="light">{t('notFound.home')}</Button>}
      />
    </Center>
  );
}
